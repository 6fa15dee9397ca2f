-- A month that was recorded with zero sales is a real 0, not "no data".
INSERT INTO sales_data (product, month, sales) VALUES
    ('flat white', 1,  0),
    ('flat white', 2, 45),
    ('flat white', 3,  0),
    ('cortado',    1, 18),
    ('cortado',    2,  0),
    ('cortado',    3, 27),
    ('cortado',    9, 0);
