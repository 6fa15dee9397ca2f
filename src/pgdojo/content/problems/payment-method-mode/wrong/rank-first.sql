-- expect: wrong_answer on tie-for-first
-- mistake: rank-for-exact-n
-- rank() = 1 keeps every method tied for first, so a country can get two rows.
SELECT country, method, uses
FROM (SELECT country, method, count(*) AS uses,
             rank() OVER (PARTITION BY country ORDER BY count(*) DESC) AS place
      FROM payments
      WHERE method IS NOT NULL
      GROUP BY country, method) AS ranked
WHERE place = 1;
