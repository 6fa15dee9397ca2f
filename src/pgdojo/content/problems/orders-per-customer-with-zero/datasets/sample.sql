INSERT INTO customers (id, name) VALUES
    (1, 'Acme Tools'),
    (2, 'Birch & Co'),
    (3, 'Cobalt Labs');
INSERT INTO orders (id, customer_id, placed_at, status, total) VALUES
    (10, 1, '2026-01-05 10:00:00+00', 'shipped', 120.00),
    (11, 1, '2026-02-11 16:30:00+00', 'placed',   80.50),
    (12, 2, '2026-03-30 09:00:00+00', 'shipped', 300.00),
    (13, 3, '2026-01-19 11:45:00+00', 'shipped',  42.00),
    (14, 3, '2026-02-02 08:00:00+00', 'shipped',  18.00),
    (15, 3, '2026-03-03 13:20:00+00', 'placed',    9.99);
