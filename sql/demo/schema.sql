-- Parity demo: a small shop, created identically on the demo source and destination (H2, DATABASE_TO_LOWER=TRUE).
-- No foreign keys, so that drift.sql can plant every kind of difference on its own.

CREATE TABLE customers (
    customer_id   BIGINT PRIMARY KEY,
    email         VARCHAR(120) NOT NULL,
    name          VARCHAR(100),                 -- NULL for some customers
    country       CHAR(2) NOT NULL,
    credit_limit  NUMERIC(12, 2) NOT NULL,
    loyalty_score DOUBLE PRECISION,             -- thirds: full 17-digit doubles
    created_at    TIMESTAMP(6) NOT NULL,        -- microseconds
    avatar_sha    VARBINARY(32)                 -- binary, NULL for every third customer
);

CREATE TABLE orders (
    order_id    BIGINT PRIMARY KEY,             -- sparse: 100003, 100006, ...
    customer_id BIGINT NOT NULL,
    status      VARCHAR(16) NOT NULL,
    note        VARCHAR(200),                   -- NULL, '' or text
    total       NUMERIC(12, 2) NOT NULL,
    ordered_at  TIMESTAMP(6) NOT NULL,
    shipped_at  TIMESTAMP(6)
);

CREATE TABLE order_items (
    order_id   BIGINT NOT NULL,
    line_no    INT NOT NULL,
    sku        VARCHAR(20) NOT NULL,
    quantity   INT NOT NULL,
    unit_price NUMERIC(10, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)             -- composite key
);

CREATE TABLE payments (
    order_id    BIGINT NOT NULL,
    attempt     INT NOT NULL,
    method      VARCHAR(12) NOT NULL,
    amount      NUMERIC(12, 2) NOT NULL,
    paid_at     TIMESTAMP(6) NOT NULL,
    gateway_ref VARBINARY(40) NOT NULL,
    PRIMARY KEY (order_id, attempt)
);
