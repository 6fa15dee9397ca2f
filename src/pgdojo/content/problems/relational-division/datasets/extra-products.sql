-- Customers also buy from other categories.
INSERT INTO customers (id, name) VALUES
    (1, 'Lars'),
    (2, 'Maya'),
    (3, 'Nnamdi');
INSERT INTO products (id, name, category) VALUES
    (10, 'tent',       'camping'),
    (11, 'camp stove', 'camping'),
    (12, 'lantern',    'camping'),
    (20, 'chef knife', 'kitchen'),
    (21, 'cast iron',  'kitchen'),
    (30, 'yoga mat',   'fitness');
INSERT INTO purchases (id, customer_id, product_id, purchased_at) VALUES
    (1, 1, 10, '2026-09-01'),
    (2, 1, 11, '2026-09-01'),
    (3, 1, 12, '2026-09-01'),
    (4, 1, 20, '2026-09-02'),
    (5, 1, 30, '2026-09-03'),
    (6, 2, 10, '2026-09-04'),
    (7, 2, 11, '2026-09-04'),
    (8, 2, 21, '2026-09-05'),
    (9, 3, 20, '2026-09-06'),
    (10, 3, 21, '2026-09-06'),
    (11, 3, 30, '2026-09-06');
