-- expect: wrong_answer on gap-at-start
-- Looks only between issued numbers: the numbers missing before a series' first issued invoice are never reported.
SELECT series, number + 1 AS first_missing, next_number - 1 AS last_missing
FROM (
    SELECT series, number,
           lead(number) OVER (PARTITION BY series ORDER BY number) AS next_number
    FROM invoices
    WHERE number IS NOT NULL
) AS s
WHERE next_number > number + 1
ORDER BY series, first_missing;
