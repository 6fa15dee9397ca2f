INSERT INTO orders (id, region, amount) VALUES
    (1, 'emea', 250.00),
    (2, 'amer',  19.99),
    (3, 'amer',  21.01),
    (4, 'amer',  24.00),
    (5, 'apac',   7.50);
