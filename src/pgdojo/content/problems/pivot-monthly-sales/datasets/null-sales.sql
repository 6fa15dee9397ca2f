-- Some feeds sent a row without a figure (sales NULL).
INSERT INTO sales_data (product, month, sales) VALUES
    ('americano', 1, NULL),
    ('americano', 2, 33),
    ('americano', 2, NULL),
    ('americano', 3, 41),
    ('chai',      1, 12),
    ('chai',      2, NULL),
    ('chai',      3, 19),
    ('matcha',    1, NULL),
    ('matcha',    2, NULL),
    ('matcha',    3, NULL);
