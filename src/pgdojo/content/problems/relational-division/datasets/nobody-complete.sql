-- A new camping product nobody has bought yet.
INSERT INTO customers (id, name) VALUES
    (1, 'Olga'),
    (2, 'Pedro');
INSERT INTO products (id, name, category) VALUES
    (10, 'tent',        'camping'),
    (11, 'camp stove',  'camping'),
    (12, 'lantern',     'camping'),
    (13, 'water filter','camping');
INSERT INTO purchases (id, customer_id, product_id, purchased_at) VALUES
    (1, 1, 10, '2026-10-01'),
    (2, 1, 11, '2026-10-01'),
    (3, 1, 12, '2026-10-01'),
    (4, 2, 10, '2026-10-02'),
    (5, 2, 12, '2026-10-02');
