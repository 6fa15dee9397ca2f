-- expect: timeout on self-manager
-- mistake: recursive-no-cycle-guard
-- Nothing stops a walk that goes round a loop: the recursion never ends.
WITH RECURSIVE up (employee_id, person_id, steps) AS (
    SELECT id, id, 0 FROM employees
  UNION ALL
    SELECT u.employee_id, e.manager_id, u.steps + 1
    FROM up AS u
    JOIN employees AS e ON e.id = u.person_id
    WHERE e.manager_id IS NOT NULL
)
SELECT e.id, t.person_id AS top_id, t.steps AS levels
FROM employees AS e
LEFT JOIN (SELECT u.* FROM up AS u JOIN employees AS p ON p.id = u.person_id
           WHERE p.manager_id IS NULL) AS t ON t.employee_id = e.id;
