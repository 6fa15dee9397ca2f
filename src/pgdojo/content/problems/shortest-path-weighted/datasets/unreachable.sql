-- The target exists in the network, but no route leads to it from the start.
INSERT INTO links (id, src, dst, cost) VALUES
    (1, 'fra', 'ams', 3),
    (2, 'ams', 'lhr', 3),
    (3, 'lhr', 'fra', 3),
    (4, 'ams', 'ams', 1),
    (5, 'sgp', 'hkg', 5),
    (6, 'hkg', 'sgp', 5),
    (7, 'syd', 'sgp', 9),
    (8, 'sgp', 'fra', 4);
