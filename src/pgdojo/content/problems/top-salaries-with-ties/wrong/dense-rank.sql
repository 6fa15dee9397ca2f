-- expect: wrong_answer on tie-above-cut-off
-- dense_rank() counts distinct salaries, not people: after a tie at the top a fourth person gets in.
SELECT department, name, salary, place
FROM (
    SELECT department, name, salary,
           dense_rank() OVER (PARTITION BY department ORDER BY salary DESC) AS place
    FROM employees
    WHERE salary IS NOT NULL
) AS ranked
WHERE place <= 3;
