-- A direct but expensive link, and a cheaper route with many more hops.
INSERT INTO links (id, src, dst, cost) VALUES
    (1, 'fra', 'sgp', 50),
    (2, 'fra', 'waw',  4),
    (3, 'waw', 'ist',  4),
    (4, 'ist', 'del',  4),
    (5, 'del', 'sgp',  4),
    (6, 'fra', 'dxb', 20),
    (7, 'dxb', 'sgp', 20),
    (8, 'ist', 'fra',  1);
