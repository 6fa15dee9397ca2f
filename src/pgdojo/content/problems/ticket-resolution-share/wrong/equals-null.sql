-- expect: wrong_answer on open-and-unassigned
-- mistake: eq-null
-- `= NULL` is never true, so no open ticket is ever counted as unassigned.
SELECT team,
       count(*) AS tickets,
       round(100.0 * count(*) FILTER (WHERE resolution IS NOT NULL) / count(*), 1) AS resolved_pct,
       count(*) FILTER (WHERE resolution = NULL AND assignee = NULL) AS open_unassigned
FROM tickets
GROUP BY team
ORDER BY team;
