-- expect: wrong_answer on fractional-shares
-- mistake: integer-division
-- 100 * bigint / bigint is integer division: 2 of 3 becomes 66, not 66.7.
SELECT team,
       count(*) AS tickets,
       round(100 * count(*) FILTER (WHERE resolution IS NOT NULL) / count(*), 1) AS resolved_pct,
       count(*) FILTER (WHERE resolution IS NULL AND assignee IS NULL) AS open_unassigned
FROM tickets
GROUP BY team
ORDER BY team;
