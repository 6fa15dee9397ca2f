-- expect: wrong_answer on bot-closed-tickets
-- mistake: count-nullable-column
-- count(assignee) skips the tickets nobody is assigned to, so bot-closed tickets disappear.
SELECT team,
       count(assignee) AS tickets,
       round(100.0 * count(*) FILTER (WHERE resolution IS NOT NULL AND assignee IS NOT NULL)
             / count(assignee), 1) AS resolved_pct,
       count(*) FILTER (WHERE resolution IS NULL AND assignee IS NULL) AS open_unassigned
FROM tickets
GROUP BY team
ORDER BY team;
