-- A holding company after an acquisition: three separate top-level trees.
INSERT INTO employees (id, name, manager_id) VALUES
    (1,  'Holding CEO',        NULL),
    (2,  'Holding counsel',    1),
    (10, 'Acquired CEO',       NULL),
    (11, 'Acquired VP sales',  10),
    (12, 'Account exec',       11),
    (13, 'Sales engineer',     11),
    (20, 'Board observer',     NULL),
    (3,  'Paralegal',          2);
