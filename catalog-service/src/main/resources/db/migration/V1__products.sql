CREATE TABLE products (
    product_id   VARCHAR(64)  NOT NULL,
    product_name VARCHAR(100) NOT NULL,
    unit_price   BIGINT       NOT NULL,
    stock        INT          NOT NULL,
    PRIMARY KEY (product_id),
    -- the last line of defence: no statement can take stock below zero
    CONSTRAINT stock_never_negative CHECK (stock >= 0)
) ENGINE = InnoDB;

-- The course's catalog.
INSERT INTO products (product_id, product_name, unit_price, stock) VALUES
    ('CATALOG-001', 'Berlin', 1500, 100),
    ('CATALOG-002', 'Tokyo', 1000, 110),
    ('CATALOG-003', 'Stockholm', 2000, 120);
