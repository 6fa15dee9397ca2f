-- One delivery, booked as two lots at the same instant.
INSERT INTO purchases (id, sku, purchased_at, qty, unit_cost) VALUES
    (1, 'MUG', '2026-02-01 09:00:00+00', 5, 4.00),
    (2, 'MUG', '2026-02-01 09:00:00+00', 5, 6.00),
    (3, 'MUG', '2026-02-10 09:00:00+00', 5, 7.00);
INSERT INTO sales (id, sku, sold_at, qty) VALUES
    (1, 'MUG', '2026-02-02 10:00:00+00', 3),
    (2, 'MUG', '2026-02-03 10:00:00+00', 2),
    (3, 'MUG', '2026-02-11 10:00:00+00', 5);
