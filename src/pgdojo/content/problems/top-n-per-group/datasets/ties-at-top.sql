INSERT INTO products (category, product, sales) VALUES
    ('audio',  'speaker',    500),
    ('audio',  'headphones', 500),
    ('audio',  'earbuds',    300),
    ('audio',  'amplifier',  200),
    ('audio',  'turntable',  100),
    ('toys',   'puzzle',      80),
    ('toys',   'kite',        80),
    ('toys',   'yoyo',        45),
    ('toys',   'blocks',      30),
    ('toys',   'doll',        20);
