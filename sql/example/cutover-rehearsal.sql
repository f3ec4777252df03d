-- Data for the cutover rehearsal on the replication pair (sql/testbed/mariadb-pair.sh start).
-- Run on the SOURCE (127.0.0.1:3307); everything replicates to the destination (3308).
--   mariadb -uroot -h127.0.0.1 -P3307 < sql/example/cutover-rehearsal.sql
SET GLOBAL read_only = OFF;
DROP DATABASE IF EXISTS rehearsal_shop;
CREATE DATABASE rehearsal_shop;
USE rehearsal_shop;
CREATE TABLE rehearsal_shop.customers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, email VARCHAR(80));
CREATE TABLE rehearsal_shop.orders (id BIGINT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2) NOT NULL,
                                    placed_at DATETIME(3) NOT NULL);
INSERT INTO rehearsal_shop.customers
  SELECT seq, CONCAT('customer ', seq), CONCAT('c', seq, '@example.com') FROM seq_1_to_500;
INSERT INTO rehearsal_shop.orders
  SELECT seq, 1 + seq % 500, ROUND(seq * 1.37, 2), '2026-01-01' + INTERVAL seq MINUTE FROM seq_1_to_3000;

-- Where the (pretend) backup tool records finished backups; the backup gate queries it.
DROP DATABASE IF EXISTS rehearsal_ops;
CREATE DATABASE rehearsal_ops;
CREATE TABLE rehearsal_ops.backups (id INT AUTO_INCREMENT PRIMARY KEY, finished_at DATETIME NOT NULL, status VARCHAR(10));
INSERT INTO rehearsal_ops.backups (finished_at, status) VALUES (NOW() - INTERVAL 2 HOUR, 'ok');

-- The account a migration service would write with. Created on the destination only (not replicated), with write
-- grants, so the grants gate has something to find.
--   mariadb -uroot -h127.0.0.1 -P3308 -e "SET sql_log_bin=0; CREATE USER IF NOT EXISTS 'rehearsal_migrator'@'%' IDENTIFIED BY 'x';
--     GRANT SELECT, INSERT, UPDATE, DELETE ON rehearsal_shop.* TO 'rehearsal_migrator'@'%'"
