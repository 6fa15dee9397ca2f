-- Newly created units without staff, including a whole empty branch.
INSERT INTO units (path, name) VALUES
    ('acme',                   'Acme Corp'),
    ('acme.eng',               'Engineering'),
    ('acme.eng.platform',      'Platform'),
    ('acme.eng.ai',            'AI (new)'),
    ('acme.legal',             'Legal (new)'),
    ('acme.legal.privacy',     'Privacy (new)'),
    ('acme.legal.contracts',   'Contracts (new)');
INSERT INTO employees (id, name, unit) VALUES
    (1, 'CTO',            'acme.eng'),
    (2, 'Platform eng',   'acme.eng.platform'),
    (3, 'Platform eng 2', 'acme.eng.platform');
