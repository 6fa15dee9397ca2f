INSERT INTO employees (id, name, manager_id) VALUES
    (1, 'Gita',   NULL),
    (2, 'Hector', NULL),
    (3, 'Ilona',  NULL),
    (4, 'Jonas',  2),
    (5, 'Kemal',  4);
UPDATE employees SET manager_id = 3 WHERE id = 2;
UPDATE employees SET manager_id = 2 WHERE id = 3;
INSERT INTO employees (id, name, manager_id) VALUES (6, 'Lotte', 1);
