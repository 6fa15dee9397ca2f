-- A retry bug issued some numbers twice; duplicates are not gaps, and they sit next to gaps.
INSERT INTO invoices (invoice_id, series, number, issued_on, total) VALUES
    (1, 'PT', 1, '2026-05-01', 10.00),
    (2, 'PT', 2, '2026-05-01', 20.00),
    (3, 'PT', 2, '2026-05-01', 20.00),
    (4, 'PT', 3, '2026-05-02', 30.00),
    (5, 'PT', 6, '2026-05-03', 40.00),
    (6, 'PT', 6, '2026-05-03', 40.00),
    (7, 'PT', 6, '2026-05-03', 40.00),
    (8, 'PT', 7, '2026-05-04', 50.00),
    (9, 'IE', 1, '2026-05-01', 60.00),
    (10, 'IE', 1, '2026-05-02', 60.00);
