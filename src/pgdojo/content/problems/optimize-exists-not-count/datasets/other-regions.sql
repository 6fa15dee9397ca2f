-- Busy stores elsewhere, and two northern stores that share a name and a city.
INSERT INTO stores (store_id, name, city, region) VALUES
    (1, 'Central', 'Lyon',  'south'),
    (2, 'Central', 'Graz',  'east'),
    (3, 'Mall',    'Oslo',  'north'),
    (4, 'Mall',    'Oslo',  'north'),
    (5, 'Airport', 'Porto', 'North');
INSERT INTO sales (sale_id, store_id, sold_at, amount)
SELECT i, 1 + i % 5, timestamptz '2025-11-01 00:00:00+00' + i * interval '1 hour', 2.00
FROM generate_series(1, 50) AS g(i);
CREATE INDEX sales_store_id_idx ON sales (store_id);
