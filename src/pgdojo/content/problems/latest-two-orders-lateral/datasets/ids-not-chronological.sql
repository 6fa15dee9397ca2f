-- Orders backfilled from another system: ids do not follow time.
INSERT INTO customers (id, name) VALUES
    (1, 'Ivo'),
    (2, 'Jun');
INSERT INTO orders (id, customer_id, ordered_at, amount) VALUES
    (900, 1, '2025-11-01 08:00:00+00', 15.00),
    (100, 1, '2026-01-20 08:00:00+00', 25.00),
    (500, 1, '2026-01-05 08:00:00+00', 35.00),
    (200, 2, '2026-02-14 19:00:00+00', 45.00),
    (800, 2, '2025-12-24 19:00:00+00', 55.00),
    (300, 2, '2026-02-01 19:00:00+00', 65.00);
