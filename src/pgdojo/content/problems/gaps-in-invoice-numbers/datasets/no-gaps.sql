-- Complete series, inserted out of number order (invoices are issued by several tills).
INSERT INTO invoices (invoice_id, series, number, issued_on, total) VALUES
    (1, 'ES', 3, '2026-02-03', 10.00),
    (2, 'ES', 1, '2026-02-01', 20.00),
    (3, 'ES', 2, '2026-02-02', 30.00),
    (4, 'ES', 4, '2026-02-04', 40.00),
    (5, 'IT', 1, '2026-02-01', 50.00);
