-- The pop-up shop's sales were synced days later and got high ids.
INSERT INTO purchases (id, sku, purchased_at, qty, unit_cost) VALUES
    (1, 'SOAP', '2026-04-01 09:00:00+00', 10, 1.00),
    (2, 'SOAP', '2026-04-02 09:00:00+00', 10, 2.00),
    (3, 'SOAP', '2026-04-03 09:00:00+00', 10, 3.00);
INSERT INTO sales (id, sku, sold_at, qty) VALUES
    (1,  'SOAP', '2026-04-04 10:00:00+00', 10),
    (50, 'SOAP', '2026-04-01 15:00:00+00', 10),
    (51, 'SOAP', '2026-04-02 15:00:00+00', 10);
