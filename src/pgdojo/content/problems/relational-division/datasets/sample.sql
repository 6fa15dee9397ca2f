INSERT INTO customers (id, name) VALUES
    (1, 'Anouk'),
    (2, 'Björn'),
    (3, 'Carla'),
    (4, 'Deniz'),
    (5, 'Elif'),
    (6, 'Femi');
INSERT INTO products (id, name, category) VALUES
    (10, 'tent',        'camping'),
    (11, 'camp stove',  'camping'),
    (12, 'lantern',     'camping'),
    (20, 'chef knife',  'kitchen'),
    (21, 'cast iron',   'kitchen');
INSERT INTO purchases (id, customer_id, product_id, purchased_at) VALUES
    (1,  1, 10, '2026-05-01'),
    (2,  1, 11, '2026-05-03'),
    (3,  1, 12, '2026-05-04'),
    (4,  2, 10, '2026-05-02'),
    (5,  2, 20, '2026-05-02'),
    (6,  3, 20, '2026-05-05'),
    (7,  3, 21, '2026-05-06'),
    (8,  4, 12, '2026-05-07'),
    (9,  4, 10, '2026-05-08'),
    (10, 4, 11, '2026-05-09'),
    (11, 6, 11, '2026-05-10'),
    (12, 6, 12, '2026-05-11');
