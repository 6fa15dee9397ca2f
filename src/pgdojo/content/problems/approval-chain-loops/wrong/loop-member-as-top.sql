-- expect: wrong_answer on self-manager
-- Uses the cycle guard, but reports the last person before the loop closes as the top approver.
WITH RECURSIVE up (employee_id, person_id, steps) AS (
    SELECT id, id, 0 FROM employees
  UNION ALL
    SELECT u.employee_id, e.manager_id, u.steps + 1
    FROM up AS u
    JOIN employees AS e ON e.id = u.person_id
    WHERE e.manager_id IS NOT NULL
) CYCLE person_id SET is_cycle USING path
SELECT DISTINCT ON (employee_id) employee_id AS id, person_id AS top_id, steps AS levels
FROM up
WHERE NOT is_cycle
ORDER BY employee_id, steps DESC;
