-- Region codes from different systems: upper, mixed and lower case.
INSERT INTO sales (id, region, product, revenue) VALUES
    (1, 'apac',   'widget', 11.00),
    (2, 'EMEA',   'widget', 22.00),
    (3, 'LatAm',  'gadget', 33.00),
    (4, 'LatAm',  'Gadget', 44.00),
    (5, 'AFRICA', 'widget', 55.00),
    (6, 'apac',   'Widget', 66.00),
    (7, 'AMER',   'gadget', 77.00);
