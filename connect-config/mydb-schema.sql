-- The shared orders table. Written only by the orders-sink connector (from the topics
-- "orders" and "order-outcomes"), read by every order-service instance.
-- Created here, not by the connector: its auto-create makes every string LONGTEXT.
-- Times are UTC wall-clock values (the sink's use.time.zone=UTC); readers convert them as UTC.
-- The records the sink may write are checked first by order-rules (OrderRecordRules), which mirrors these columns.
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
    KEY orders_by_user (user_id, created_at),
    CONSTRAINT orders_status CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An order is written once: a later record for the same order id changes only its decision, and a decision
-- never changes. (catalog-service dead-letters other content under a known id; here it cannot change the row.)
-- The definer is named: a launcher may run this script before the grant tables are loaded.
CREATE DEFINER = 'root'@'localhost' TRIGGER IF NOT EXISTS orders_written_once BEFORE UPDATE ON orders FOR EACH ROW
    SET NEW.user_id = OLD.user_id,
        NEW.product_id = OLD.product_id,
        NEW.qty = OLD.qty,
        NEW.unit_price = OLD.unit_price,
        NEW.total_price = OLD.total_price,
        NEW.created_at = OLD.created_at,
        NEW.status = IF(OLD.status = 'PENDING', NEW.status, OLD.status),
        NEW.reason = IF(OLD.status = 'PENDING', NEW.reason, OLD.reason),
        NEW.decided_at = IF(OLD.status = 'PENDING', NEW.decided_at, OLD.decided_at);
