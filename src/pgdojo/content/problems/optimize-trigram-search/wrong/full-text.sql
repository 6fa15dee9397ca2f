-- expect: wrong_answer on word-boundaries
-- Full-text phrase search: fast with its GIN index, but it matches words, not characters: "hose-reel" matches and "firehose reeling" does not.
CREATE INDEX ON products USING gin (to_tsvector('simple', name));

SELECT product_id, name, price
FROM products
WHERE to_tsvector('simple', name) @@ phraseto_tsquery('simple', 'hose reel')
ORDER BY product_id;
