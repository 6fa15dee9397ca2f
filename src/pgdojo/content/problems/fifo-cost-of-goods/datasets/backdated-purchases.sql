-- Lot 9 was received first but entered in the system last.
INSERT INTO purchases (id, sku, purchased_at, qty, unit_cost) VALUES
    (1, 'TEA', '2026-03-05 09:00:00+00', 20, 1.50),
    (2, 'TEA', '2026-03-15 09:00:00+00', 20, 1.80),
    (9, 'TEA', '2026-03-01 09:00:00+00', 10, 1.00);
INSERT INTO sales (id, sku, sold_at, qty) VALUES
    (1, 'TEA', '2026-03-06 10:00:00+00', 10),
    (2, 'TEA', '2026-03-16 10:00:00+00', 20);
