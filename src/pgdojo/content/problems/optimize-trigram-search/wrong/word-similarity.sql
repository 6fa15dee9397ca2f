-- expect: too_slow on sample
-- Word similarity is a fuzzy match: every title sharing a few trigrams with the search is a candidate, so the index barely narrows the scan (and "hose real" would match).
CREATE INDEX ON products USING gin (name gin_trgm_ops);

SELECT product_id, name, price
FROM products
WHERE 'hose reel' <% name
ORDER BY product_id;
