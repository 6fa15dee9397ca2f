-- The same label is used in different branches and under different roots.
INSERT INTO units (path, name) VALUES
    ('acme',               'Acme Corp'),
    ('acme.sales',         'Sales'),
    ('acme.sales.emea',    'Sales EMEA'),
    ('acme.support',       'Support'),
    ('acme.support.emea',  'Support EMEA'),
    ('beta',               'Beta Ltd'),
    ('beta.emea',          'Beta EMEA'),
    ('beta.emea.sales',    'Beta EMEA sales');
INSERT INTO employees (id, name, unit) VALUES
    (1, 'Seller 1',        'acme.sales.emea'),
    (2, 'Seller 2',        'acme.sales.emea'),
    (3, 'Support agent',   'acme.support.emea'),
    (4, 'Beta MD',         'beta'),
    (5, 'Beta seller',     'beta.emea.sales'),
    (6, 'Beta seller 2',   'beta.emea.sales'),
    (7, 'Support lead',    'acme.support');
