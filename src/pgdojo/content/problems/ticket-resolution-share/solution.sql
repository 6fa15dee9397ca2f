SELECT team,
       count(*) AS tickets,
       round(100.0 * count(*) FILTER (WHERE resolution IS NOT NULL) / count(*), 1) AS resolved_pct,
       count(*) FILTER (WHERE resolution IS NULL AND assignee IS NULL) AS open_unassigned
FROM tickets
GROUP BY team
ORDER BY team;
