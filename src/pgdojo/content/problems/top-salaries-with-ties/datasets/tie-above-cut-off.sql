INSERT INTO employees (id, name, department, salary) VALUES
    (1, 'Wren',   'data', 160000),
    (2, 'Xia',    'data', 160000),
    (3, 'Yusuf',  'data', 150000),
    (4, 'Zora',   'data', 140000),
    (5, 'Abel',   'data', 130000),
    (6, 'Bea',    'ops',   90000),
    (7, 'Cato',   'ops',   90000),
    (8, 'Dora',   'ops',   90000),
    (9, 'Egon',   'ops',   80000);
