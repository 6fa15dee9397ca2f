INSERT INTO products (category, product, sales) VALUES
    ('office', 'stapler',   900),
    ('office', 'pen',       700),
    ('office', 'marker',    300),
    ('office', 'binder',    300),
    ('office', 'tape',      300),
    ('office', 'folder',    100),
    ('sports', 'ball',      410),
    ('sports', 'racket',    220),
    ('sports', 'net',       150),
    ('sports', 'whistle',    90);
