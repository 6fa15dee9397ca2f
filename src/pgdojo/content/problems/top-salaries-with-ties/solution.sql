SELECT department, name, salary, place
FROM (
    SELECT department, name, salary,
           rank() OVER (PARTITION BY department ORDER BY salary DESC) AS place
    FROM employees
    WHERE salary IS NOT NULL
) AS ranked
WHERE place <= 3;
