INSERT INTO products (category, product, sales) VALUES
    ('bikes',   'helmet',   75),
    ('bikes',   'pump',     30),
    ('cameras', 'tripod',   12),
    ('music',   'guitar',  640),
    ('music',   'piano',   210),
    ('music',   'drums',   180),
    ('music',   'violin',   95),
    ('pets',    'collar',    0);
