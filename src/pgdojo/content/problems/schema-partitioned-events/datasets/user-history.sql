INSERT INTO events (event_id, user_id, occurred_at, kind)
SELECT g, g % 50, timestamptz '2026-01-01 00:00+00' + g * interval '1 minute', 'view'
FROM generate_series(1, 300) AS g;
