INSERT INTO revenue_entries (id, region, quarter, amount) VALUES
    (1,  'APAC',  1,  820.00),
    (2,  'APAC',  2,  910.50),
    (3,  'APAC',  3,  760.00),
    (4,  'APAC',  4, 1105.25),
    (5,  'EMEA',  1, 1500.00),
    (6,  'EMEA',  2, 1320.00),
    (7,  'EMEA',  3, 1410.75),
    (8,  'EMEA',  4, 1690.00),
    (9,  'LATAM', 1,  310.00),
    (10, 'LATAM', 2,  295.40),
    (11, 'LATAM', 3,  402.10),
    (12, 'LATAM', 4,  388.00);
