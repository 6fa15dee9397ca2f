INSERT INTO links (id, src, dst, cost) VALUES
    (1,  'fra', 'ams',  2),
    (2,  'ams', 'fra',  2),
    (3,  'fra', 'dxb',  6),
    (4,  'dxb', 'sgp',  7),
    (5,  'ams', 'lhr',  1),
    (6,  'lhr', 'jfk',  7),
    (7,  'jfk', 'sgp', 20),
    (8,  'lhr', 'dxb',  5),
    (9,  'dxb', 'fra',  6),
    (10, 'sgp', 'dxb',  7),
    (11, 'jfk', 'lhr',  7);
