-- expect: wrong_answer on unknown-methods
-- GROUP BY puts the NULL methods in a group of their own, and that group can win.
SELECT DISTINCT ON (country) country, method, count(*) AS uses
FROM payments
GROUP BY country, method
ORDER BY country, count(*) DESC, method;
