-- expect: wrong_answer on letter-case
-- LIKE instead of ILIKE (the trigram index serves both): titles typed with capitals are no longer found.
CREATE INDEX ON products USING gin (name gin_trgm_ops);

SELECT product_id, name, price
FROM products
WHERE name LIKE '%hose reel%'
ORDER BY product_id;
