INSERT INTO products (category, product, sales) VALUES
    ('books',   'atlas',        120),
    ('books',   'cookbook',     340),
    ('books',   'dictionary',    95),
    ('books',   'novel',        410),
    ('books',   'poetry',        95),
    ('garden',  'gloves',        60),
    ('garden',  'hose',          75),
    ('garden',  'rake',          40),
    ('garden',  'seeds',        210),
    ('kitchen', 'kettle',       150),
    ('kitchen', 'knife',        220),
    ('kitchen', 'pan',          180),
    ('kitchen', 'toaster',       90);
