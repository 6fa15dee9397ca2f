-- expect: wrong_answer on month-boundaries
-- mistake: between-timestamps
-- Right index, but the month was rewritten as BETWEEN, which also counts a ticket opened at the first instant of April.
CREATE INDEX ON tickets (created_at) INCLUDE (team_id) WHERE status = 'open';

SELECT team_id, count(*) AS open_tickets
FROM tickets
WHERE status = 'open'
  AND created_at BETWEEN '2026-03-01 00:00:00+00' AND '2026-04-01 00:00:00+00'
GROUP BY team_id
ORDER BY team_id;
