-- The version JPA checks when a product's name or price is edited (optimistic locking): a concurrent edit fails
-- instead of being lost. The stock decrement (Products.reserve) does not touch it: stock is not edited that way.
ALTER TABLE products ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
