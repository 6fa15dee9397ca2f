-- expect: wrong_answer on sample
-- The similarity operator compares whole strings: a long title that contains "hose reel" scores below the 0.3 threshold and is missed.
CREATE INDEX ON products USING gin (name gin_trgm_ops);

SELECT product_id, name, price
FROM products
WHERE name % 'hose reel'
ORDER BY product_id;
