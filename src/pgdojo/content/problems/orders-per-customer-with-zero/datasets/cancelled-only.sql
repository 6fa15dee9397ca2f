INSERT INTO customers (id, name) VALUES
    (1, 'Juniper Health'),
    (2, 'Kestrel Air');
INSERT INTO orders (id, customer_id, placed_at, status, total) VALUES
    (40, 1, '2026-01-10 10:00:00+00', 'cancelled', 500.00),
    (41, 1, '2026-02-10 10:00:00+00', 'cancelled', 250.00),
    (42, 2, '2026-02-10 10:00:00+00', 'cancelled', 100.00),
    (43, 2, '2026-03-01 10:00:00+00', 'shipped',    60.00);
