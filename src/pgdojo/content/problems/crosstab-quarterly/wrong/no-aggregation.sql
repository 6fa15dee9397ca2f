-- expect: wrong_answer on several-entries-per-quarter
-- Feeds raw ledger rows to crosstab: for a repeated (region, quarter) the last row wins, nothing is summed.
SELECT region, q1, q2, q3, q4
FROM crosstab(
    $src$
        SELECT region, quarter, amount
        FROM revenue_entries
        ORDER BY region, quarter
    $src$,
    $cat$ SELECT q FROM generate_series(1, 4) AS q $cat$
) AS ct(region text, q1 numeric, q2 numeric, q3 numeric, q4 numeric);
