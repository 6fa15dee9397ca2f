INSERT INTO sales_data (product, month, sales) VALUES
    ('espresso',   1, 120),
    ('espresso',   2,  95),
    ('espresso',   3, 130),
    ('espresso',   7,  60),
    ('latte',      1, 210),
    ('latte',      2, 180),
    ('latte',      3, 240),
    ('cold brew',  1,  15),
    ('cold brew',  2,  22),
    ('cold brew',  3,  41),
    ('cold brew',  6, 300),
    ('cold brew',  8, 280);
