-- Several links (carriers) between the same pair of nodes, with different costs.
INSERT INTO links (id, src, dst, cost) VALUES
    (1, 'fra', 'dxb', 9),
    (2, 'fra', 'dxb', 4),
    (3, 'dxb', 'sgp', 8),
    (4, 'dxb', 'sgp', 3),
    (5, 'fra', 'sgp', 12),
    (6, 'dxb', 'dxb', 1),
    (7, 'fra', 'sgp', 30);
