-- A newly opened region has no orders yet.
INSERT INTO regions (code, name) VALUES
    ('DE', 'Germany'),
    ('PL', 'Poland'),
    ('SE', 'Sweden');
INSERT INTO orders (id, region, status) VALUES
    (1, 'DE', 'pending'),
    (2, 'DE', 'shipped'),
    (3, 'DE', 'cancelled'),
    (4, 'DE', NULL),
    (5, 'SE', 'shipped'),
    (6, 'SE', 'pending'),
    (7, 'SE', 'cancelled'),
    (8, 'SE', NULL);
