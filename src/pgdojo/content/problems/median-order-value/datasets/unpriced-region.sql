INSERT INTO orders (id, region, amount) VALUES
    (1, 'emea', 125.00),
    (2, 'emea',  75.00),
    (3, 'emea',  90.00),
    (4, 'latam', NULL),
    (5, 'latam', NULL),
    (6, 'amer',  42.00);
