-- The shop was closed that day: orders the day before and the day after only.
INSERT INTO orders (order_id, store_id, created_at, status, total) VALUES
    (1, 1, '2026-03-13 18:00:00+00', 'paid', 10.00),
    (2, 1, '2026-03-15 09:00:00+00', 'paid', 20.00);
CREATE INDEX orders_created_at_idx ON orders (created_at);
