SELECT department,
       max(salary) FILTER (WHERE salary < top_salary) AS second_salary
FROM (
    SELECT department,
           salary,
           max(salary) OVER (PARTITION BY department) AS top_salary
    FROM employees
) AS e
GROUP BY department;
