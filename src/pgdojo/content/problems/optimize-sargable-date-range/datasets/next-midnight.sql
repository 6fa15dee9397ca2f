-- Orders at both midnights: the first belongs to the day, the second to the next.
INSERT INTO orders (order_id, store_id, created_at, status, total) VALUES
    (1, 1, '2026-03-14 00:00:00+00', 'paid',     10.00),
    (2, 1, '2026-03-14 12:30:00+00', 'paid',     20.00),
    (3, 2, '2026-03-15 00:00:00+00', 'paid',     40.00),
    (4, 2, '2026-03-15 00:00:00+00', 'refunded', 80.00),
    (5, 3, '2026-03-13 23:00:00+00', 'shipped',  160.00);
CREATE INDEX orders_created_at_idx ON orders (created_at);
