-- The shared orders table. Written only by the orders-sink connector (from the topics
-- "orders" and "order-outcomes"), read by every order-service instance.
-- Created here, not by the connector: its auto-create makes every string LONGTEXT.
CREATE TABLE IF NOT EXISTS orders (
    order_id    VARCHAR(36)  NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    product_id  VARCHAR(64)  NOT NULL,
    qty         INT          NOT NULL,
    unit_price  BIGINT       NOT NULL,
    total_price BIGINT       NOT NULL,
    -- "orders" events never write this column (the connector drops their status),
    -- so a late PENDING event cannot overwrite a decision that arrived first.
    status      VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    reason      VARCHAR(255) NULL,
    created_at  DATETIME(3)  NOT NULL,
    decided_at  DATETIME(3)  NULL,
    PRIMARY KEY (order_id),
    KEY orders_by_user (user_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
