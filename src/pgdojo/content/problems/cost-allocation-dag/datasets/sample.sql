INSERT INTO cost_centers (id, kind) VALUES
    ('k8s',       'shared'),
    ('data',      'shared'),
    ('checkout',  'product'),
    ('search',    'product'),
    ('mobile',    'product');
INSERT INTO direct_costs (id, center, amount) VALUES
    (1, 'k8s',      10000.00),
    (2, 'data',      3000.00),
    (3, 'checkout',   800.00),
    (4, 'search',     450.00);
INSERT INTO allocations (from_center, to_center, share) VALUES
    ('k8s',  'checkout', 0.6000),
    ('k8s',  'search',   0.4000),
    ('data', 'search',   0.7000),
    ('data', 'mobile',   0.3000);
