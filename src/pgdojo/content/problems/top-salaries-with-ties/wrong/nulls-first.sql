-- expect: wrong_answer on undisclosed-salaries
-- mistake: desc-nulls-first
-- DESC sorts NULL first: undisclosed salaries take the top places and push real ones out.
SELECT department, name, salary, place
FROM (
    SELECT department, name, salary,
           rank() OVER (PARTITION BY department ORDER BY salary DESC) AS place
    FROM employees
) AS ranked
WHERE place <= 3 AND salary IS NOT NULL;
