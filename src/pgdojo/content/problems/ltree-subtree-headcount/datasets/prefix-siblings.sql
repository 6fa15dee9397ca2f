-- Sibling units whose labels start with another sibling's label.
INSERT INTO units (path, name) VALUES
    ('corp',                 'Corp'),
    ('corp.data',            'Data'),
    ('corp.data.ml',         'Machine learning'),
    ('corp.database',        'Database team'),
    ('corp.dataops',         'DataOps'),
    ('corp.dataops.sre',     'DataOps SRE'),
    ('corpx',                'Corp X (spin-off)'),
    ('corpx.data',           'Corp X data');
INSERT INTO employees (id, name, unit) VALUES
    (1, 'Head of data',   'corp.data'),
    (2, 'ML engineer',    'corp.data.ml'),
    (3, 'DBA 1',          'corp.database'),
    (4, 'DBA 2',          'corp.database'),
    (5, 'DataOps eng',    'corp.dataops'),
    (6, 'SRE',            'corp.dataops.sre'),
    (7, 'SRE 2',          'corp.dataops.sre'),
    (8, 'Spin-off CEO',   'corpx'),
    (9, 'Spin-off data',  'corpx.data');
