-- Entries were booked in date order, so regions are interleaved in the table.
INSERT INTO revenue_entries (id, region, quarter, amount) VALUES
    (1,  'LATAM', 1, 100.00),
    (2,  'APAC',  1, 200.00),
    (3,  'EMEA',  1, 300.00),
    (4,  'APAC',  2, 210.00),
    (5,  'LATAM', 2, 110.00),
    (6,  'EMEA',  2, 310.00),
    (7,  'EMEA',  3, 320.00),
    (8,  'APAC',  3, 220.00),
    (9,  'LATAM', 3, 120.00),
    (10, 'APAC',  4, 230.00),
    (11, 'LATAM', 4, 130.00),
    (12, 'EMEA',  4, 330.00),
    (13, 'APAC',  1,  25.00),
    (14, 'LATAM', 3,  15.00);
