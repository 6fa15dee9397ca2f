-- A seasonal product launched in May, and one that sold only in February.
INSERT INTO sales_data (product, month, sales) VALUES
    ('espresso',   1, 100),
    ('espresso',   2, 110),
    ('espresso',   3, 120),
    ('iced tea',   5,  40),
    ('iced tea',   6,  85),
    ('iced tea',   7,  90),
    ('mulled cider', 2, 12),
    ('mulled cider', 12, 70);
