INSERT INTO employees (id, name, department, salary) VALUES
    (1, 'Wen',   'research',  155000),
    (2, 'Xavi',  'security',  142000),
    (3, 'Yara',  'sales',      91000),
    (4, 'Zoe',   'sales',      84000),
    (5, 'Abel',  'sales',      77000),
    (6, 'Bea',   'design',    105000);
