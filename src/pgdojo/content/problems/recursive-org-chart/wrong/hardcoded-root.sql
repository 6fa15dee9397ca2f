-- expect: wrong_answer on several-roots
-- Anchors the recursion on employee 1, as if the company always had exactly one top (with id 1).
WITH RECURSIVE chart AS (
    SELECT id, name, manager_id, 1 AS level
    FROM employees
    WHERE id = 1
  UNION ALL
    SELECT e.id, e.name, e.manager_id, c.level + 1
    FROM employees AS e
    JOIN chart AS c ON e.manager_id = c.id
)
SELECT id, name, manager_id, level
FROM chart;
