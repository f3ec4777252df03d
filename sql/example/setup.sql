-- Example source and destination for jobs/example.yml: two databases on one MariaDB server, with drift of every kind.
-- Load with: mariadb -uroot < sql/example/setup.sql
DROP DATABASE IF EXISTS parity_example_src;
DROP DATABASE IF EXISTS parity_example_dst;
CREATE DATABASE parity_example_src CHARACTER SET utf8mb4;
CREATE DATABASE parity_example_dst CHARACTER SET utf8mb4;
USE parity_example_src;

CREATE TABLE parity_example_src.customers (
  id BIGINT PRIMARY KEY,
  email VARCHAR(120) NOT NULL COLLATE utf8mb4_general_ci,
  name VARCHAR(80) NULL,
  credit DECIMAL(12,2) NOT NULL,
  score DOUBLE NULL,
  created_at DATETIME(6) NOT NULL,
  UNIQUE KEY uk_email (email)
);
CREATE TABLE parity_example_dst.customers LIKE parity_example_src.customers;

CREATE TABLE parity_example_src.order_items (
  order_id INT NOT NULL,
  line_no SMALLINT NOT NULL,
  sku VARBINARY(16) NOT NULL,
  qty INT NOT NULL,
  price DECIMAL(10,2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
CREATE TABLE parity_example_dst.order_items LIKE parity_example_src.order_items;

INSERT INTO parity_example_src.customers
SELECT seq, CONCAT('user', seq, '@example.com'), IF(seq % 7 = 0, NULL, CONCAT('Customer ', seq)),
       seq * 1.25, IF(seq % 5 = 0, NULL, seq / 3.0e0), TIMESTAMP('2024-01-01') + INTERVAL seq MINUTE + INTERVAL seq MICROSECOND
FROM seq_1_to_5000;
INSERT INTO parity_example_dst.customers SELECT * FROM parity_example_src.customers;

INSERT INTO parity_example_src.order_items
SELECT o.seq, l.seq, UNHEX(MD5(o.seq * 10 + l.seq)), l.seq, o.seq + 0.99 FROM seq_1_to_2000 o, seq_1_to_3 l;
INSERT INTO parity_example_dst.order_items SELECT * FROM parity_example_src.order_items;

-- drift on the destination
DELETE FROM parity_example_dst.customers WHERE id IN (17, 4000);                        -- missing
INSERT INTO parity_example_dst.customers VALUES (9001, 'ghost@example.com', 'Ghost', 0, NULL, '2025-01-01');  -- extra
UPDATE parity_example_dst.customers SET name = '' WHERE id = 7;                          -- NULL -> '' (changed: name)
UPDATE parity_example_dst.customers SET credit = credit + 0.01 WHERE id = 250;           -- changed: credit
UPDATE parity_example_dst.customers SET score = score + 1e-12 WHERE id = 251;            -- changed: score (last digits)
UPDATE parity_example_dst.customers SET created_at = created_at + INTERVAL 1 MICROSECOND WHERE id = 252; -- changed
UPDATE parity_example_dst.customers SET email = UPPER(email) WHERE id = 253;              -- case only (ci column)
UPDATE parity_example_dst.order_items SET qty = qty + 1 WHERE order_id = 1500 AND line_no = 2; -- changed: qty
DELETE FROM parity_example_dst.order_items WHERE order_id = 10 AND line_no = 3;          -- missing
