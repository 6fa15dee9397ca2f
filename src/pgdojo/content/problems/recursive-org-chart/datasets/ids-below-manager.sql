-- Ids were re-issued after a migration: reports often have smaller ids than their managers,
-- and id 1 is not the top of anything.
INSERT INTO employees (id, name, manager_id) VALUES
    (50, 'Founder',         NULL),
    (30, 'VP engineering',  50),
    (40, 'VP people',       50),
    (7,  'Staff engineer',  30),
    (1,  'Intern',          7),
    (2,  'Recruiter',       40),
    (35, 'Engineer',        30),
    (3,  'Junior engineer', 35);
