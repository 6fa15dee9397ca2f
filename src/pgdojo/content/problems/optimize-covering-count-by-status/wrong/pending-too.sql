-- expect: wrong_answer on sample
-- Counts pending tickets as part of the backlog: the dashboard, and the original query, count status 'open' only.
CREATE INDEX ON tickets (created_at) INCLUDE (team_id) WHERE status IN ('open', 'pending');

SELECT team_id, count(*) AS open_tickets
FROM tickets
WHERE status IN ('open', 'pending')
  AND created_at >= '2026-03-01 00:00:00+00'
  AND created_at <  '2026-04-01 00:00:00+00'
GROUP BY team_id
ORDER BY team_id;
