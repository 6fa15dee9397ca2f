-- Orders in the last second of the day, down to the last microsecond.
INSERT INTO orders (order_id, store_id, created_at, status, total) VALUES
    (1, 1, '2026-03-14 23:59:59+00',        'paid',      10.00),
    (2, 1, '2026-03-14 23:59:59.5+00',      'paid',      20.00),
    (3, 2, '2026-03-14 23:59:59.999999+00', 'delivered', 40.00),
    (4, 2, '2026-03-13 23:59:59.999999+00', 'delivered', 80.00),
    (5, 3, '2026-03-14 08:00:00+00',        'shipped',   160.00);
CREATE INDEX orders_created_at_idx ON orders (created_at);
