-- Some regions booked nothing in some quarters, including quarters in the middle of the year.
INSERT INTO revenue_entries (id, region, quarter, amount) VALUES
    (1, 'APAC', 1, 500.00),
    (2, 'APAC', 3, 700.00),
    (3, 'APAC', 4, 800.00),
    (4, 'EMEA', 1, 900.00),
    (5, 'EMEA', 2, 950.00),
    (6, 'EMEA', 3, 990.00),
    (7, 'EMEA', 4, 1000.00),
    (8, 'NA',   2, 640.00),
    (9, 'NA',   4, 660.00);
