-- Drift on the destination: equal numbers of rows changed, deleted and added, every @STEP@-th key (spread over the key space).
USE parity_bench;
UPDATE t SET amount = amount + 0.01 WHERE id % (@STEP@ * 2) = 2 AND id <= @LIMIT@;
DELETE FROM t WHERE id % (@STEP@ * 2) = 6 AND id <= @LIMIT@;
INSERT INTO t SELECT id + 1, customer_id, status, amount, ratio, note, created_at, payload FROM t
 WHERE id % (@STEP@ * 2) = 4 AND id <= @LIMIT@;
