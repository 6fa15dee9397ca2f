INSERT INTO units (path, name) VALUES
    ('acme',                 'Acme Corp'),
    ('acme.eng',             'Engineering'),
    ('acme.eng.platform',    'Platform'),
    ('acme.eng.mobile',      'Mobile'),
    ('acme.sales',           'Sales'),
    ('acme.sales.emea',      'Sales EMEA'),
    ('acme.sales.apac',      'Sales APAC'),
    ('acme.ops',             'Operations');
INSERT INTO employees (id, name, unit) VALUES
    (1,  'CEO',               'acme'),
    (2,  'VP Engineering',    'acme.eng'),
    (3,  'Platform eng 1',    'acme.eng.platform'),
    (4,  'Platform eng 2',    'acme.eng.platform'),
    (5,  'Platform eng 3',    'acme.eng.platform'),
    (6,  'iOS dev',           'acme.eng.mobile'),
    (7,  'Android dev',       'acme.eng.mobile'),
    (8,  'Account exec EMEA', 'acme.sales.emea'),
    (9,  'Account exec APAC', 'acme.sales.apac'),
    (10, 'SDR APAC',          'acme.sales.apac'),
    (11, 'Ops lead',          'acme.ops');
