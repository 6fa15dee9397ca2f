INSERT INTO employees (id, name, manager_id) VALUES
    (10, 'Maren',  NULL),
    (20, 'Nikos',  NULL),
    (30, 'Olu',    NULL),
    (11, 'Pita',   10),
    (12, 'Quirin', 11),
    (21, 'Rosa',   20);
