INSERT INTO employees (id, name, department, salary) VALUES
    (1,  'Ada',     'engineering', 182000),
    (2,  'Brian',   'engineering', 150000),
    (3,  'Chen',    'engineering', 171000),
    (4,  'Dara',    'engineering', 150000),
    (5,  'Eve',     'sales',        98000),
    (6,  'Femi',    'sales',       121000),
    (7,  'Gosia',   'sales',        87000),
    (8,  'Hiro',    'support',      64000),
    (9,  'Ines',    'support',      71000),
    (10, 'Jonas',   'finance',     112000),
    (11, 'Kemal',   'finance',     134000),
    (12, 'Lena',    'finance',      99000);
