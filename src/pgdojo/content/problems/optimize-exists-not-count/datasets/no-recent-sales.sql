-- Northern stores with many old sales, with none at all, and with a single recent one.
INSERT INTO stores (store_id, name, city, region) VALUES
    (1, 'Closed',   'Oslo',  'north'),
    (2, 'New',      'Oslo',  'north'),
    (3, 'Quiet',    'Brno',  'north'),
    (4, 'Busy',     'Gent',  'north');
INSERT INTO sales (sale_id, store_id, sold_at, amount)
SELECT i, 1, timestamptz '2024-03-01 00:00:00+00' + i * interval '1 hour', 9.99
FROM generate_series(1, 50) AS g(i);
INSERT INTO sales (sale_id, store_id, sold_at, amount) VALUES
    (100, 3, '2026-02-01 12:00:00+00', 3.50);
INSERT INTO sales (sale_id, store_id, sold_at, amount)
SELECT 200 + i, 4, timestamptz '2025-11-01 00:00:00+00' + i * interval '1 hour', 1.00
FROM generate_series(1, 40) AS g(i);
CREATE INDEX sales_store_id_idx ON sales (store_id);
