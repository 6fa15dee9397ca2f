-- expect: wrong_answer on draft-invoices
-- mistake: not-in-nullable
-- Enumerates 1..max and keeps the numbers NOT IN the series: one draft (NULL number) in the series makes NOT IN never true.
WITH missing AS (
    SELECT s.series, n
    FROM (SELECT series, max(number) AS top FROM invoices GROUP BY series) AS s
    CROSS JOIN LATERAL generate_series(1, s.top) AS n
    WHERE n NOT IN (SELECT i.number FROM invoices AS i WHERE i.series = s.series)
), islands AS (
    SELECT series, n, n - row_number() OVER (PARTITION BY series ORDER BY n) AS island
    FROM missing
)
SELECT series, min(n) AS first_missing, max(n) AS last_missing
FROM islands
GROUP BY series, island
ORDER BY series, first_missing;
