-- expect: too_slow on sample
-- mistake: function-on-indexed-column
-- Rewrites ILIKE as lower(name) LIKE over an index on the bare column: the index cannot serve lower(name), so every title is read.
CREATE INDEX ON products USING gin (name gin_trgm_ops);

SELECT product_id, name, price
FROM products
WHERE lower(name) LIKE '%hose reel%'
ORDER BY product_id;
