INSERT INTO sales (id, region, product, revenue) VALUES
    (1,  'EMEA', 'widget',  120.00),
    (2,  'EMEA', 'gadget',   80.00),
    (3,  'EMEA', 'widget',   30.00),
    (4,  'EMEA', 'sprocket', 45.50),
    (5,  'APAC', 'gadget',  200.00),
    (6,  'APAC', 'widget',   10.00),
    (7,  'NA',   'sprocket', 99.99),
    (8,  'NA',   'gadget',   60.00),
    (9,  'NA',   'gadget',   15.00),
    (10, 'APAC', 'gadget',   25.00);
