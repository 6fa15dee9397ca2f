INSERT INTO orders (id, region, amount) VALUES
    (1,  'emea',  10.00),
    (2,  'emea',  40.00),
    (3,  'emea',  20.00),
    (4,  'emea', 500.00),
    (5,  'amer',  18.40),
    (6,  'amer',  19.00),
    (7,  'apac',  75.00),
    (8,  'apac',  25.00),
    (9,  'apac',  60.00),
    (10, 'apac',  60.00),
    (11, 'apac',  90.00),
    (12, 'apac',  33.30);
