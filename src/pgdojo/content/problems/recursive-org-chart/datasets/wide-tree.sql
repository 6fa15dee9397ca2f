-- One manager with 25 direct reports, two of whom have a report of their own.
INSERT INTO employees (id, name, manager_id) VALUES (1, 'Head of support', NULL);
INSERT INTO employees (id, name, manager_id)
SELECT g, 'agent ' || g, 1 FROM generate_series(2, 26) AS g;
INSERT INTO employees (id, name, manager_id) VALUES
    (27, 'trainee of agent 2',  2),
    (28, 'trainee of agent 26', 26);
