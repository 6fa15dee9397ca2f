WITH numbered AS (
    SELECT series,
           number,
           -- The number before the first one issued is 0, so a gap at the start shows up too.
           lag(number, 1, 0) OVER (PARTITION BY series ORDER BY number) AS previous
    FROM invoices
    WHERE number IS NOT NULL
)
SELECT series,
       previous + 1 AS first_missing,
       number - 1   AS last_missing
FROM numbered
WHERE number > previous + 1
ORDER BY series, first_missing;
