INSERT INTO customers (id, name) VALUES
    (1, 'Granite Works'),
    (2, 'Harbor Books'),
    (3, 'Iris Florals');
INSERT INTO orders (id, customer_id, placed_at, status, total) VALUES
    (30, 1, '2025-12-15 10:00:00+00', 'shipped', 70.00),
    (31, 1, '2026-05-02 10:00:00+00', 'shipped', 15.00),
    (32, 2, '2026-03-10 10:00:00+00', 'placed',  99.00),
    (33, 3, '2026-01-08 10:00:00+00', 'shipped', 12.00),
    (34, 3, '2026-06-30 10:00:00+00', 'shipped', 13.00);
