INSERT INTO employees (id, name, department, salary) VALUES
    (1, 'Mara',  'engineering', 200000),
    (2, 'Nils',  'engineering', 200000),
    (3, 'Omar',  'engineering', 165000),
    (4, 'Pia',   'engineering', 140000),
    (5, 'Quinn', 'legal',       190000),
    (6, 'Rosa',  'legal',       190000),
    (7, 'Sven',  'legal',       190000),
    (8, 'Tara',  'legal',       175000),
    (9, 'Uma',   'marketing',    90000),
    (10, 'Vik',  'marketing',    80000);
