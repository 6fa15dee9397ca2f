-- expect: wrong_answer on sample
-- mistake: eq-null
-- manager_id = NULL is never true, so the anchor finds no top-level employee and the chart is empty.
WITH RECURSIVE chart AS (
    SELECT id, name, manager_id, 1 AS level
    FROM employees
    WHERE manager_id = NULL
  UNION ALL
    SELECT e.id, e.name, e.manager_id, c.level + 1
    FROM employees AS e
    JOIN chart AS c ON e.manager_id = c.id
)
SELECT id, name, manager_id, level
FROM chart;
