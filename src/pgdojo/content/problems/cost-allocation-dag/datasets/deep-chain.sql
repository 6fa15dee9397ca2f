INSERT INTO cost_centers (id, kind) VALUES
    ('s1', 'shared'), ('s2', 'shared'), ('s3', 'shared'), ('s4', 'shared'), ('s5', 'shared'),
    ('p1', 'product'), ('p2', 'product');
INSERT INTO direct_costs (id, center, amount) VALUES
    (1, 's1', 1000.00),
    (2, 's3',  200.00),
    (3, 'p2',    1.00);
INSERT INTO allocations (from_center, to_center, share) VALUES
    ('s1', 's2', 0.9000),
    ('s1', 'p2', 0.1000),
    ('s2', 's3', 1.0000),
    ('s3', 's4', 0.5000),
    ('s3', 'p1', 0.5000),
    ('s4', 's5', 1.0000),
    ('s5', 'p1', 0.6000),
    ('s5', 'p2', 0.4000);
