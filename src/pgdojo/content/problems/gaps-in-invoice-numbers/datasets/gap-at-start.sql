-- Series whose first issued numbers are not 1 (invoices 1.. were lost in a migration).
INSERT INTO invoices (invoice_id, series, number, issued_on, total) VALUES
    (1, 'PL', 4, '2026-04-01', 10.00),
    (2, 'PL', 5, '2026-04-02', 20.00),
    (3, 'PL', 8, '2026-04-03', 30.00),
    (4, 'SE', 2, '2026-04-01', 40.00),
    (5, 'DK', 1, '2026-04-01', 50.00),
    (6, 'DK', 2, '2026-04-02', 60.00);
