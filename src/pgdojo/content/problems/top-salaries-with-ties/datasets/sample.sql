INSERT INTO employees (id, name, department, salary) VALUES
    (1,  'Amira',   'engineering', 185000),
    (2,  'Bastien', 'engineering', 172000),
    (3,  'Chen',    'engineering', 160000),
    (4,  'Dagny',   'engineering', 141000),
    (5,  'Emeka',   'engineering', 120000),
    (6,  'Freya',   'sales',        98000),
    (7,  'Goran',   'sales',        91000),
    (8,  'Hana',    'sales',        87000),
    (9,  'Ines',    'sales',        64000),
    (10, 'Jae',     'support',      58000),
    (11, 'Kalani',  'support',      52000),
    (12, 'Lior',    'support',      49000);
