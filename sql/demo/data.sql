-- Parity demo data, loaded identically on both sides: 1,200 customers, 2,500 orders, about 5,000 order lines and
-- about 3,000 payments. Deterministic: every run builds the same rows.

INSERT INTO customers
SELECT x,
       'customer' || x || '@example.com',
       CASE WHEN MOD(x, 17) = 0 THEN NULL ELSE 'Customer ' || x END,
       CASE MOD(x, 5) WHEN 0 THEN 'DE' WHEN 1 THEN 'FR' WHEN 2 THEN 'PL' WHEN 3 THEN 'US' ELSE 'JP' END,
       CAST(MOD(x * 37, 5000) AS NUMERIC(12, 2)) + 0.50,
       CAST(x AS DOUBLE PRECISION) / 3,
       DATEADD(MICROSECOND, x, DATEADD(HOUR, x, TIMESTAMP '2024-01-01 00:00:00')),
       CASE WHEN MOD(x, 3) = 0 THEN NULL ELSE HASH('SHA-256', 'avatar' || x) END
FROM SYSTEM_RANGE(1, 1200) AS r(x);

INSERT INTO orders
SELECT 100000 + 3 * x,
       MOD(x * 7, 1200) + 1,
       CASE MOD(x, 4) WHEN 0 THEN 'new' WHEN 1 THEN 'paid' WHEN 2 THEN 'shipped' ELSE 'delivered' END,
       CASE MOD(x, 6) WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'gift wrap, ring twice (' || x || ')' END,
       CAST(MOD(x * 131, 90000) AS NUMERIC(12, 2)) / 100 + 5,
       DATEADD(SECOND, x * 97, TIMESTAMP '2024-06-01 08:00:00.123456'),
       CASE WHEN MOD(x, 4) >= 2 THEN DATEADD(DAY, 2, DATEADD(SECOND, x * 97, TIMESTAMP '2024-06-01 08:00:00.123456')) END
FROM SYSTEM_RANGE(1, 2500) AS r(x);

INSERT INTO order_items
SELECT o.order_id, l.x, 'SKU-' || MOD(o.order_id * l.x, 997), 1 + MOD(o.order_id + l.x, 4),
       CAST(MOD(o.order_id * 7 + l.x, 20000) AS NUMERIC(10, 2)) / 100 + 1
FROM orders o, SYSTEM_RANGE(1, 3) AS l(x)
WHERE l.x <= 1 + MOD(o.order_id, 3);

INSERT INTO payments
SELECT o.order_id, a.x,
       CASE MOD(o.order_id, 3) WHEN 0 THEN 'card' WHEN 1 THEN 'paypal' ELSE 'transfer' END,
       o.total,
       DATEADD(MINUTE, 5 * a.x, o.ordered_at),
       HASH('SHA-256', 'gw' || o.order_id || '/' || a.x)
FROM orders o, SYSTEM_RANGE(1, 2) AS a(x)
WHERE a.x <= 1 + CASE WHEN MOD(o.order_id, 5) = 0 THEN 1 ELSE 0 END;
