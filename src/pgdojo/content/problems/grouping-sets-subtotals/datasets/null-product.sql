-- Some sales were booked without a product (unclassified).
INSERT INTO sales (id, region, product, revenue) VALUES
    (1, 'EMEA', 'widget', 100.00),
    (2, 'EMEA', NULL,      40.00),
    (3, 'EMEA', NULL,      20.00),
    (4, 'EMEA', 'gadget',  10.00),
    (5, 'NA',   NULL,       5.00),
    (6, 'APAC', 'widget',  70.00);
