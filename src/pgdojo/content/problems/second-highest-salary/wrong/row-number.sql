-- expect: wrong_answer on ties-at-top
-- ROW_NUMBER numbers people, not salary levels: with two top earners, row 2 is the top salary again.
SELECT d.department, r.salary AS second_salary
FROM (SELECT DISTINCT department FROM employees) AS d
LEFT JOIN (
    SELECT department, salary,
           row_number() OVER (PARTITION BY department ORDER BY salary DESC NULLS LAST) AS rn
    FROM employees
) AS r ON r.department = d.department AND r.rn = 2;
