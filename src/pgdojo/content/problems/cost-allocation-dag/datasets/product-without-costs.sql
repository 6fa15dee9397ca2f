INSERT INTO cost_centers (id, kind) VALUES
    ('ml',       'shared'),
    ('recs',     'product'),
    ('ads',      'product'),
    ('internal', 'product');
INSERT INTO direct_costs (id, center, amount) VALUES
    (1, 'ml', 5000.00),
    (2, 'ads', 12.34);
INSERT INTO allocations (from_center, to_center, share) VALUES
    ('ml', 'recs', 0.8000),
    ('ml', 'ads',  0.2000);
