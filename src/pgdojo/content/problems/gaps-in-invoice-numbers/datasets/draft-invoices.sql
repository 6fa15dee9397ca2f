-- Drafts have no number yet; one series holds nothing but drafts.
INSERT INTO invoices (invoice_id, series, number, issued_on, total) VALUES
    (1, 'CZ', 1,    '2026-06-01', 10.00),
    (2, 'CZ', NULL, NULL,         15.00),
    (3, 'CZ', 2,    '2026-06-02', 20.00),
    (4, 'CZ', 5,    '2026-06-05', 30.00),
    (5, 'CZ', NULL, NULL,         35.00),
    (6, 'HU', NULL, NULL,         40.00),
    (7, 'HU', NULL, NULL,         45.00),
    (8, 'SK', 3,    '2026-06-03', 50.00);
