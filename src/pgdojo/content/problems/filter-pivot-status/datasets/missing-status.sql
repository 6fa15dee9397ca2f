-- Regions where some statuses never occur.
INSERT INTO regions (code, name) VALUES
    ('AT', 'Austria'),
    ('BE', 'Belgium'),
    ('DK', 'Denmark');
INSERT INTO orders (id, region, status) VALUES
    (1, 'AT', 'shipped'),
    (2, 'AT', 'shipped'),
    (3, 'BE', 'pending'),
    (4, 'BE', NULL),
    (5, 'BE', 'cancelled'),
    (6, 'DK', 'pending'),
    (7, 'DK', 'shipped'),
    (8, 'DK', 'cancelled'),
    (9, 'DK', NULL);
