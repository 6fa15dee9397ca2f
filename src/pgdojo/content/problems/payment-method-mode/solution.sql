SELECT DISTINCT ON (country) country, method, count(*) AS uses
FROM payments
WHERE method IS NOT NULL
GROUP BY country, method
ORDER BY country, count(*) DESC, method;
