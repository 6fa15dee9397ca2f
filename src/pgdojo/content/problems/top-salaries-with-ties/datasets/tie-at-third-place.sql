INSERT INTO employees (id, name, department, salary) VALUES
    (1, 'Mona',   'design', 130000),
    (2, 'Nils',   'design', 120000),
    (3, 'Olga',   'design', 110000),
    (4, 'Pavel',  'design', 110000),
    (5, 'Quinn',  'design', 110000),
    (6, 'Rafa',   'design',  90000),
    (7, 'Sade',   'legal',  150000),
    (8, 'Tomas',  'legal',  140000),
    (9, 'Ulla',   'legal',  135000),
    (10, 'Vik',   'legal',  100000);
