-- Gaps of exactly one number, next to a wider gap.
INSERT INTO invoices (invoice_id, series, number, issued_on, total) VALUES
    (1, 'AT', 1,  '2026-03-01', 10.00),
    (2, 'AT', 3,  '2026-03-02', 20.00),
    (3, 'AT', 4,  '2026-03-03', 30.00),
    (4, 'AT', 6,  '2026-03-04', 40.00),
    (5, 'AT', 10, '2026-03-05', 50.00),
    (6, 'BE', 1,  '2026-03-01', 60.00),
    (7, 'BE', 2,  '2026-03-02', 70.00),
    (8, 'BE', 4,  '2026-03-03', 80.00);
