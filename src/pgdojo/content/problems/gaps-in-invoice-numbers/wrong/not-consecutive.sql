-- expect: wrong_answer on duplicates
-- "A gap is wherever the next number is not number + 1": a duplicated number is followed by itself, which reports a bogus range.
SELECT series, previous + 1 AS first_missing, number - 1 AS last_missing
FROM (
    SELECT series, number,
           lag(number, 1, 0) OVER (PARTITION BY series ORDER BY number) AS previous
    FROM invoices
    WHERE number IS NOT NULL
) AS s
WHERE number <> previous + 1
ORDER BY series, first_missing;
