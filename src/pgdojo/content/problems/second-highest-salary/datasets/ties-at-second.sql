INSERT INTO employees (id, name, department, salary) VALUES
    (1, 'Kai',   'data',     175000),
    (2, 'Lior',  'data',     150000),
    (3, 'Mila',  'data',     150000),
    (4, 'Nora',  'data',     150000),
    (5, 'Oren',  'data',     130000),
    (6, 'Pam',   'hr',        88000),
    (7, 'Raj',   'hr',        72000),
    (8, 'Sol',   'hr',        72000);
