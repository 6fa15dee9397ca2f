WITH RECURSIVE up (employee_id, person_id, steps) AS (
    SELECT id, id, 0
    FROM employees
  UNION ALL
    SELECT u.employee_id, e.manager_id, u.steps + 1
    FROM up AS u
    JOIN employees AS e ON e.id = u.person_id
    WHERE e.manager_id IS NOT NULL
) CYCLE person_id SET is_cycle USING path,
tops AS (
    SELECT u.employee_id, u.person_id AS top_id, u.steps AS levels
    FROM up AS u
    JOIN employees AS p ON p.id = u.person_id
    WHERE p.manager_id IS NULL
      AND NOT u.is_cycle
)
SELECT e.id, t.top_id, t.levels
FROM employees AS e
LEFT JOIN tops AS t ON t.employee_id = e.id;
