-- Sales right around the first instant of the quarter (2025-10-01).
INSERT INTO stores (store_id, name, city, region) VALUES
    (1, 'Harbour',  'Oslo',   'north'),
    (2, 'Station',  'Bergen', 'north'),
    (3, 'Old Town', 'Turku',  'north');
INSERT INTO sales (sale_id, store_id, sold_at, amount) VALUES
    (10, 1, '2025-10-01 00:00:00+00',        5.00),
    (11, 2, '2025-09-30 23:59:59.999999+00', 5.00),
    (12, 3, '2024-06-01 10:00:00+00',        5.00),
    (13, 3, '2025-10-01 00:00:00.000001+00', 5.00);
CREATE INDEX sales_store_id_idx ON sales (store_id);
