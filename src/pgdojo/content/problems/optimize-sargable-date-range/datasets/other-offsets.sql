-- Shops in other time zones: the day is the UTC day, whatever offset the timestamp was written with.
INSERT INTO orders (order_id, store_id, created_at, status, total) VALUES
    (1, 7, '2026-03-14 20:30:00-05', 'paid',      10.00),  -- 2026-03-15 01:30 UTC
    (2, 7, '2026-03-15 00:30:00+02', 'paid',      20.00),  -- 2026-03-14 22:30 UTC
    (3, 8, '2026-03-14 01:00:00+05', 'shipped',   40.00),  -- 2026-03-13 20:00 UTC
    (4, 8, '2026-03-13 21:00:00-04', 'shipped',   80.00),  -- 2026-03-14 01:00 UTC
    (5, 9, '2026-03-14 12:00:00+00', 'cancelled', 160.00);
CREATE INDEX orders_created_at_idx ON orders (created_at);
