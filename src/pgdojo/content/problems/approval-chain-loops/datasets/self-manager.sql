INSERT INTO employees (id, name, manager_id) VALUES
    (1, 'Oksana', NULL),
    (2, 'Bram',   1),
    (3, 'Celia',  NULL),
    (4, 'Dev',    3);
-- The migration set Emil and his report's chain on a self-loop.
INSERT INTO employees (id, name, manager_id) VALUES (5, 'Emil', NULL);
UPDATE employees SET manager_id = 5 WHERE id = 5;
INSERT INTO employees (id, name, manager_id) VALUES (6, 'Fenna', 5);
