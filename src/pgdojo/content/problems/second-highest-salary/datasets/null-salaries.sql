-- Contractors' salaries are not recorded: NULL.
INSERT INTO employees (id, name, department, salary) VALUES
    (1, 'Cleo',  'engineering', 160000),
    (2, 'Dev',   'engineering',   NULL),
    (3, 'Elif',  'engineering', 145000),
    (4, 'Finn',  'engineering', 120000),
    (5, 'Gabi',  'operations',    NULL),
    (6, 'Hana',  'operations',   68000),
    (7, 'Ivo',   'interns',       NULL),
    (8, 'Jade',  'interns',       NULL);
