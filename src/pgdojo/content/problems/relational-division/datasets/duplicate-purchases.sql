-- Repeat buyers: the same product bought several times.
INSERT INTO customers (id, name) VALUES
    (1, 'Gaia'),
    (2, 'Hamid'),
    (3, 'Inés');
INSERT INTO products (id, name, category) VALUES
    (10, 'tent',       'camping'),
    (11, 'camp stove', 'camping'),
    (12, 'lantern',    'camping'),
    (20, 'chef knife', 'kitchen');
INSERT INTO purchases (id, customer_id, product_id, purchased_at) VALUES
    (1, 1, 10, '2026-06-01'),
    (2, 1, 10, '2026-06-15'),
    (3, 1, 11, '2026-06-20'),
    (4, 2, 10, '2026-06-02'),
    (5, 2, 11, '2026-06-03'),
    (6, 2, 12, '2026-06-04'),
    (7, 2, 12, '2026-07-04'),
    (8, 3, 12, '2026-06-05'),
    (9, 3, 12, '2026-06-06'),
    (10, 3, 12, '2026-06-07');
