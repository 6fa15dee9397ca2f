-- A freshly registered customer has not ordered yet.
INSERT INTO customers (id, name) VALUES
    (1, 'Dagny'),
    (2, 'Emeka'),
    (3, 'Fatima');
INSERT INTO orders (id, customer_id, ordered_at, amount) VALUES
    (1, 1, '2026-03-01 10:00:00+00', 10.00),
    (2, 1, '2026-03-02 10:00:00+00', 20.00),
    (3, 1, '2026-03-03 10:00:00+00', 30.00),
    (4, 3, '2026-03-04 10:00:00+00', 40.00),
    (5, 3, '2026-03-05 10:00:00+00', 50.00);
