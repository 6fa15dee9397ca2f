-- expect: wrong_answer on single-level-department
-- Filtering on rank 2 drops every department that has no second salary instead of returning NULL.
SELECT DISTINCT department, salary AS second_salary
FROM (
    SELECT department, salary,
           dense_rank() OVER (PARTITION BY department ORDER BY salary DESC) AS dr
    FROM employees
) AS ranked
WHERE dr = 2;
