INSERT INTO employees (id, name, department, salary) VALUES
    (1, 'Nadia',  'security', 175000),
    (2, 'Oren',   'security', 162000),
    (3, 'Pia',    'facilities', 61000),
    (4, 'Ravi',   'marketing', 99000),
    (5, 'Sol',    'marketing', 99000);
