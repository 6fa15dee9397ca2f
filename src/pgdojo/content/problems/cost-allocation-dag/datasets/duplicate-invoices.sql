INSERT INTO cost_centers (id, kind) VALUES
    ('cdn',     'shared'),
    ('web',     'product'),
    ('api',     'product');
INSERT INTO direct_costs (id, center, amount) VALUES
    (1, 'cdn', 600.00),
    (2, 'cdn', 600.00),
    (3, 'web',  75.00),
    (4, 'web',  75.00),
    (5, 'api',  20.00);
INSERT INTO allocations (from_center, to_center, share) VALUES
    ('cdn', 'web', 0.5000),
    ('cdn', 'api', 0.5000);
