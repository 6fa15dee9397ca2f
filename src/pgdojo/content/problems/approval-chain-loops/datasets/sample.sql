INSERT INTO employees (id, name, manager_id) VALUES
    (1, 'Ines (CEO)', NULL),
    (2, 'Tariq',      1),
    (3, 'Wanjiru',    1),
    (4, 'Mateus',     2),
    (5, 'Sofie',      4),
    (6, 'Haruto',     3),
    (7, 'Priya',      6);
