INSERT INTO customers (id, name) VALUES
    (1, 'Lumen Optics'),
    (2, 'Maple Dental');
INSERT INTO orders (id, customer_id, placed_at, status, total) VALUES
    (50, 1, '2026-01-01 00:00:00+00', 'shipped', 10.00),
    (51, 1, '2026-04-01 00:00:00+00', 'shipped', 20.00),
    (52, 2, '2025-12-31 23:59:59+00', 'shipped', 30.00),
    (53, 2, '2026-03-31 23:59:59+00', 'placed',  40.00);
