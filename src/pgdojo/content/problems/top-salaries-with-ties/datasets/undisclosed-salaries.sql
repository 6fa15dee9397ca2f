INSERT INTO employees (id, name, department, salary) VALUES
    (1, 'Fumi',   'research', NULL),
    (2, 'Gael',   'research', 210000),
    (3, 'Hedda',  'research', 190000),
    (4, 'Ivo',    'research', NULL),
    (5, 'Jana',   'research', 170000),
    (6, 'Kip',    'research', 150000),
    (7, 'Lumi',   'finance',  NULL),
    (8, 'Milo',   'finance',  NULL);
