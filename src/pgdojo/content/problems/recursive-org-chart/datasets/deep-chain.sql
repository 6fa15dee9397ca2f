-- A 30-level chain (1 -> 2 -> ... -> 30) plus a short side branch.
INSERT INTO employees (id, name, manager_id)
SELECT g, 'level ' || g, NULLIF(g - 1, 0)
FROM generate_series(1, 30) AS g;
INSERT INTO employees (id, name, manager_id) VALUES
    (100, 'side report of 5',  5),
    (101, 'side report of 29', 29);
