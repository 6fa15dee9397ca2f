-- 10 categories of 10,000 products each (100,000 rows); sales figures repeat, so products tie.
-- Every figure has been loaded (no NULL). Deterministic: no random().
INSERT INTO categories (category_id, name)
SELECT c, (ARRAY['Garden', 'Kitchen', 'Toys', 'Books', 'Audio', 'Bikes', 'Tools', 'Lighting',
                 'Pets', 'Office'])[c]
FROM generate_series(1, 10) AS g(c);
INSERT INTO products (product_id, category_id, name, description, sales)
SELECT i,
       1 + i % 10,
       (ARRAY['Basic', 'Pro', 'Mini', 'Max', 'Eco', 'Smart'])[1 + i % 6] || ' item ' || i,
       'Item ' || i || ' of batch ' || i % 97 || ': sturdy, tested, ships in ' || 1 + i % 5
           || ' days; see the care leaflet in the box for cleaning and storage instructions.',
       (i * 7919) % 3001
FROM generate_series(1, 100000) AS g(i);
