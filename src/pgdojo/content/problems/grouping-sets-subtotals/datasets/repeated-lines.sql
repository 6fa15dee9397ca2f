-- Many lines per (region, product), including refunds.
INSERT INTO sales (id, region, product, revenue) VALUES
    (1, 'EMEA', 'widget',  10.00),
    (2, 'EMEA', 'widget',  10.00),
    (3, 'EMEA', 'widget', -5.00),
    (4, 'EMEA', 'widget',  10.00),
    (5, 'NA',   'gadget',  1.25),
    (6, 'NA',   'gadget',  1.25),
    (7, 'NA',   'widget',  3.00),
    (8, 'NA',   'widget', -3.00);
