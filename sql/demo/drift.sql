-- Parity demo drift, applied to the destination only: every kind of difference a migration can leave behind.
-- The demo's test (DemoIT) expects exactly these 20 differing rows.

-- customers: 2 missing, 1 extra, 6 changed
DELETE FROM customers WHERE customer_id IN (17, 640);                                  -- missing
INSERT INTO customers VALUES (5001, 'ghost@example.com', 'Ghost', 'DE', 0.00, NULL,
    TIMESTAMP '2024-12-24 23:59:59', NULL);                                             -- extra
UPDATE customers SET name = '' WHERE customer_id = 34;                                  -- NULL became ''
UPDATE customers SET email = UPPER(email) WHERE customer_id = 101;                      -- case
UPDATE customers SET name = name || ' ' WHERE customer_id = 202;                        -- trailing space
UPDATE customers SET loyalty_score = CAST(101.33333333333334 AS DOUBLE PRECISION)
    WHERE customer_id = 304;                                                            -- DOUBLE, last digit
UPDATE customers SET avatar_sha = HASH('SHA-256', 'avatar506') WHERE customer_id = 505; -- binary
UPDATE customers SET credit_limit = credit_limit + 0.01 WHERE customer_id = 606;        -- decimal, one cent

-- orders: 1 missing, 1 extra, 3 changed
DELETE FROM orders WHERE order_id = 103000;                                             -- missing
INSERT INTO orders VALUES (999999, 1, 'new', NULL, 1.00, TIMESTAMP '2025-01-01 00:00:00', NULL);  -- extra
UPDATE orders SET ordered_at = DATEADD(MICROSECOND, 1, ordered_at) WHERE order_id = 101200;       -- 1 microsecond
UPDATE orders SET status = 'PAID' WHERE order_id = 100015;                              -- case
UPDATE orders SET note = NULL WHERE order_id = 100021;                                  -- '' became NULL

-- order_items (composite key): 1 missing, 1 extra, 1 changed
DELETE FROM order_items WHERE order_id = 100006 AND line_no = 2;                         -- missing
INSERT INTO order_items VALUES (100009, 4, 'SKU-1', 1, 9.99);                            -- extra
UPDATE order_items SET quantity = quantity + 1 WHERE order_id = 100003 AND line_no = 1;  -- changed

-- payments (composite key): 1 missing, 2 changed
DELETE FROM payments WHERE order_id = 100015 AND attempt = 2;                            -- missing
UPDATE payments SET gateway_ref = gateway_ref || X'00' WHERE order_id = 100003 AND attempt = 1;  -- trailing 0x00
UPDATE payments SET method = UPPER(method) WHERE order_id = 100006 AND attempt = 1;       -- case
