-- expect: too_slow on sample
-- Indexes the range column alone: every ticket of March is fetched from the heap to learn that 98% of them are not open.
CREATE INDEX ON tickets (created_at);

SELECT team_id, count(*) AS open_tickets
FROM tickets
WHERE status = 'open'
  AND created_at >= '2026-03-01 00:00:00+00'
  AND created_at <  '2026-04-01 00:00:00+00'
GROUP BY team_id
ORDER BY team_id;
