-- expect: wrong_answer on missing-middle-quarter
-- One-argument crosstab fills columns left to right, so a missing quarter shifts later values left.
SELECT region, q1, q2, q3, q4
FROM crosstab(
    $src$
        SELECT region, quarter, SUM(amount)
        FROM revenue_entries
        GROUP BY region, quarter
        ORDER BY region, quarter
    $src$
) AS ct(region text, q1 numeric, q2 numeric, q3 numeric, q4 numeric);
