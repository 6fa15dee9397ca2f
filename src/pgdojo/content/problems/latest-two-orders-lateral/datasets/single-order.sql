-- Customers with exactly one order.
INSERT INTO customers (id, name) VALUES
    (1, 'Kemal'),
    (2, 'Lucia'),
    (3, 'Mbali');
INSERT INTO orders (id, customer_id, ordered_at, amount) VALUES
    (1, 1, '2026-05-01 11:00:00+00', 99.00),
    (2, 2, '2026-05-02 11:00:00+00', 18.00),
    (3, 2, '2026-05-03 11:00:00+00', 27.00),
    (4, 3, '2026-05-04 11:00:00+00', 36.00);
