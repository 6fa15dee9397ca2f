-- A region whose orders were all imported without a status.
INSERT INTO regions (code, name) VALUES
    ('IE', 'Ireland'),
    ('PT', 'Portugal');
INSERT INTO orders (id, region, status) VALUES
    (1, 'IE', NULL),
    (2, 'IE', NULL),
    (3, 'IE', NULL),
    (4, 'PT', 'pending'),
    (5, 'PT', 'shipped'),
    (6, 'PT', 'cancelled'),
    (7, 'PT', NULL);
