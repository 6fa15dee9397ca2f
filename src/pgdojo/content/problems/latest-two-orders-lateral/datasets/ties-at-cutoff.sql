-- Orders imported in batches share a timestamp, right where the top two is cut.
INSERT INTO customers (id, name) VALUES
    (1, 'Goran'),
    (2, 'Hana');
INSERT INTO orders (id, customer_id, ordered_at, amount) VALUES
    (12, 1, '2026-04-10 00:00:00+00', 11.00),
    (30, 1, '2026-04-10 00:00:00+00', 12.00),
    (21, 1, '2026-04-10 00:00:00+00', 13.00),
    (5,  1, '2026-04-01 00:00:00+00', 14.00),
    (40, 2, '2026-04-12 09:00:00+00', 21.00),
    (41, 2, '2026-04-11 09:00:00+00', 22.00),
    (44, 2, '2026-04-11 09:00:00+00', 23.00),
    (42, 2, '2026-04-02 09:00:00+00', 24.00);
