-- The ledger holds several entries (and a credit note) for the same region and quarter.
INSERT INTO revenue_entries (id, region, quarter, amount) VALUES
    (1, 'APAC', 1, 200.00),
    (2, 'APAC', 1, 300.00),
    (3, 'APAC', 2, 450.00),
    (4, 'APAC', 3, 100.00),
    (5, 'APAC', 3, 100.00),
    (6, 'APAC', 3, -50.00),
    (7, 'APAC', 4, 600.00),
    (8, 'EMEA', 1, 700.00),
    (9, 'EMEA', 2, 710.00),
    (10, 'EMEA', 2, 15.50),
    (11, 'EMEA', 3, 720.00),
    (12, 'EMEA', 4, 730.00);
