-- checkout receives 250 from obs directly and 250 through k8s.
INSERT INTO cost_centers (id, kind) VALUES
    ('obs',      'shared'),
    ('k8s',      'shared'),
    ('checkout', 'product'),
    ('search',   'product');
INSERT INTO direct_costs (id, center, amount) VALUES
    (1, 'obs', 1000.00);
INSERT INTO allocations (from_center, to_center, share) VALUES
    ('obs', 'checkout', 0.2500),
    ('obs', 'k8s',      0.5000),
    ('obs', 'search',   0.2500),
    ('k8s', 'checkout', 0.5000),
    ('k8s', 'search',   0.5000);
