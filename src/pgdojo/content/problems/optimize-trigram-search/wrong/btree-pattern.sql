-- expect: too_slow on sample
-- A B-tree with text_pattern_ops serves prefixes (LIKE 'hose%'), not a pattern that starts with a wildcard.
CREATE INDEX ON products (name text_pattern_ops);

SELECT product_id, name, price
FROM products
WHERE name ILIKE '%hose reel%'
ORDER BY product_id;
