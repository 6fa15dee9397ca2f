-- Several store feeds report the same product and month: totals are sums.
INSERT INTO sales_data (product, month, sales) VALUES
    ('latte',     1, 50),
    ('latte',     1, 70),
    ('latte',     1, 30),
    ('latte',     2, 40),
    ('latte',     3, 10),
    ('latte',     3, 90),
    ('mocha',     1, 25),
    ('mocha',     2, 25),
    ('mocha',     2, 25),
    ('mocha',     3, 60),
    ('mocha',     4, 99);
