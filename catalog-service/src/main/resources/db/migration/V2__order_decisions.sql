-- One row per order this service has decided: written in the same transaction as the stock change,
-- so a redelivered order finds its decision here and changes nothing.
CREATE TABLE order_decisions (
    order_id   VARCHAR(36)  NOT NULL,
    product_id VARCHAR(64)  NOT NULL,
    qty        INT          NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    reason     VARCHAR(255) NULL,
    decided_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (order_id)
) ENGINE = InnoDB;
