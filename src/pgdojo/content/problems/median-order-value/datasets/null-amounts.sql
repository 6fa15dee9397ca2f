-- Orders not priced yet have a NULL amount.
INSERT INTO orders (id, region, amount) VALUES
    (1,  'emea',  100.00),
    (2,  'emea',   NULL),
    (3,  'emea',  300.00),
    (4,  'emea',  200.00),
    (5,  'emea',   NULL),
    (6,  'amer',   50.00),
    (7,  'amer',   NULL),
    (8,  'amer',   70.00),
    (9,  'amer',   10.00),
    (10, 'amer',   30.00),
    (11, 'apac',   NULL),
    (12, 'apac',   44.00);
