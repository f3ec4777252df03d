-- Benchmark table pair: @rows rows on each side, keys 2, 4, 6, ... so that extra rows (odd keys) land in the gaps,
-- spread over the whole key space. Run on each server with the variables set (see run.sh).
DROP DATABASE IF EXISTS parity_bench;
CREATE DATABASE parity_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
USE parity_bench;
DROP TABLE IF EXISTS t;
CREATE TABLE t (
  id BIGINT PRIMARY KEY,
  customer_id INT,
  status VARCHAR(16),
  amount DECIMAL(12,2),
  ratio DOUBLE NULL,
  note VARCHAR(200) NULL,
  created_at DATETIME(6),
  payload VARBINARY(64) NULL,
  KEY idx_customer (customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO t
SELECT seq * 2, seq % 100000, ELT(1 + seq % 4, 'new', 'paid', 'shipped', 'returned'), (seq % 100000) / 7,
       IF(seq % 5 = 0, NULL, seq / 3.0e0), IF(seq % 4 = 0, NULL, CONCAT('note ', seq, ' ', REPEAT('x', seq % 40))),
       TIMESTAMP('2024-01-01') + INTERVAL seq SECOND + INTERVAL (seq % 1000000) MICROSECOND,
       IF(seq % 6 = 0, NULL, UNHEX(SHA1(seq)))
FROM seq_1_to_@ROWS@;
