-- Bursts of events by the same user on the same day.
INSERT INTO activity (id, user_id, active_at)
SELECT n, 201, '2026-04-03 09:00:00+00'::timestamptz + n * interval '1 minute'
FROM generate_series(1, 25) AS n;
INSERT INTO activity (id, user_id, active_at) VALUES
    (100, 202, '2026-04-03 18:00:00+00'),
    (101, 202, '2026-04-03 18:05:00+00'),
    (102, 203, '2026-03-15 11:00:00+00'),
    (103, 203, '2026-03-15 11:30:00+00');
