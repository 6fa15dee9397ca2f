-- expect: wrong_answer on only-unknown
-- mistake: correlated-subquery
-- mode() skips NULLs (good) but a country with only NULL methods still gets a row, with NULL.
SELECT country,
       mode() WITHIN GROUP (ORDER BY method) AS method,
       count(*) FILTER (WHERE method = (SELECT mode() WITHIN GROUP (ORDER BY p2.method)
                                        FROM payments AS p2 WHERE p2.country = p.country)) AS uses
FROM payments AS p
GROUP BY country;
