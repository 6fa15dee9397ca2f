-- 150,000 tickets created between 2025-01-01 and 2026-06-05, synced from the helpdesk in no
-- particular order (the heap is not in created_at order). Tickets of the last two weeks are
-- half open; older ones are open 2% of the time (the forgotten backlog). 24 teams.
-- Deterministic: no random().
INSERT INTO tickets (ticket_id, team_id, status, priority, created_at, subject, body)
SELECT i,
       1 + (i / 3) % 24,
       CASE WHEN created_at >= '2026-05-22 00:00:00+00'
            THEN (ARRAY['open', 'pending', 'open', 'solved'])[1 + i % 4]
            WHEN (i * 31) % 100 < 2 THEN 'open'
            WHEN (i * 31) % 100 < 5 THEN 'pending'
            WHEN (i * 31) % 100 < 40 THEN 'solved'
            ELSE 'closed' END,
       (ARRAY['low', 'normal', 'normal', 'high', 'urgent'])[1 + i % 5],
       created_at,
       'Ticket ' || i || ': ' || (ARRAY['login fails', 'invoice wrong', 'export slow', 'API 500'])[1 + i % 4],
       md5(i::text) || ' ' || md5((i + 1)::text) || ' ' || md5((i + 2)::text)
FROM (SELECT i, timestamptz '2025-01-01 00:00:00+00' + ((i * 7919) % 150000) * interval '300 seconds' AS created_at
      FROM generate_series(1, 150000) AS g(i)) AS t;
