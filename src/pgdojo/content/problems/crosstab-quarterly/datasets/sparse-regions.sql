-- A region that only started in Q4 and one that closed after Q1.
INSERT INTO revenue_entries (id, region, quarter, amount) VALUES
    (1, 'EMEA',  1, 1200.00),
    (2, 'EMEA',  2, 1250.00),
    (3, 'EMEA',  3, 1300.00),
    (4, 'EMEA',  4, 1350.00),
    (5, 'MENA',  4,  410.00),
    (6, 'NORDICS', 1, 275.00);
