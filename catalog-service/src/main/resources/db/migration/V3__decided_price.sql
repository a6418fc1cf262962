-- The price each order was decided at: a record that arrives again under a known order id must carry the same
-- product, quantity and price, or it is dead-lettered as contradicting its decision. NULL for orders decided before.
ALTER TABLE order_decisions ADD COLUMN unit_price BIGINT NULL AFTER qty;
