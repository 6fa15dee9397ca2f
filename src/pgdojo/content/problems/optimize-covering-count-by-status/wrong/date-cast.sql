-- expect: too_slow on sample
-- mistake: function-on-indexed-column
-- Casts created_at to a date in the WHERE: the index can only find the open tickets, all of them, and the month is filtered afterwards.
CREATE INDEX ON tickets (status, created_at);

SELECT team_id, count(*) AS open_tickets
FROM tickets
WHERE status = 'open'
  AND created_at::date >= '2026-03-01'
  AND created_at::date <  '2026-04-01'
GROUP BY team_id
ORDER BY team_id;
