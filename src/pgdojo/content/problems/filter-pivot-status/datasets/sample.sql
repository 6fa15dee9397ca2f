INSERT INTO regions (code, name) VALUES
    ('DE', 'Germany'),
    ('FR', 'France'),
    ('NL', 'Netherlands');
INSERT INTO orders (id, region, status) VALUES
    (1,  'DE', 'pending'),
    (2,  'DE', 'shipped'),
    (3,  'DE', 'shipped'),
    (4,  'DE', 'cancelled'),
    (5,  'DE', NULL),
    (6,  'FR', 'pending'),
    (7,  'FR', 'pending'),
    (8,  'FR', 'shipped'),
    (9,  'FR', 'cancelled'),
    (10, 'FR', NULL),
    (11, 'FR', NULL),
    (12, 'NL', 'pending'),
    (13, 'NL', 'shipped'),
    (14, 'NL', 'shipped'),
    (15, 'NL', 'shipped'),
    (16, 'NL', 'cancelled'),
    (17, 'NL', NULL);
