INSERT INTO products (category, product, sales) VALUES
    ('beauty', 'lipstick',  NULL),
    ('beauty', 'perfume',    250),
    ('beauty', 'shampoo',    180),
    ('beauty', 'soap',       120),
    ('beauty', 'lotion',      60),
    ('games',  'arcade',    NULL),
    ('games',  'board',        0),
    ('games',  'cards',       45),
    ('games',  'chess',     NULL),
    ('tools',  'drill',     NULL),
    ('tools',  'saw',       NULL),
    ('tools',  'hammer',    NULL),
    ('tools',  'wrench',    NULL);
