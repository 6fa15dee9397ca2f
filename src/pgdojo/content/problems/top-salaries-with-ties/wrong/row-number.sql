-- expect: wrong_answer on tie-at-third-place
-- mistake: row-number-drops-ties
-- row_number() gives tied salaries different numbers, so only one of the people tied at third place is kept.
SELECT department, name, salary, place
FROM (
    SELECT department, name, salary,
           row_number() OVER (PARTITION BY department ORDER BY salary DESC, id) AS place
    FROM employees
    WHERE salary IS NOT NULL
) AS ranked
WHERE place <= 3;
