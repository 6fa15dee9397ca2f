-- expect: wrong_answer on many-events-per-user
-- count(a.id) counts events, not users.
SELECT d.day::date AS day,
       count(a.id) FILTER (WHERE a.active_at >= d.day) AS active_today,
       count(a.id) AS active_30d
FROM generate_series(date '2026-04-01', date '2026-04-07', interval '1 day') AS d (day)
LEFT JOIN activity AS a
       ON a.active_at >= d.day - interval '29 days' AND a.active_at < d.day + interval '1 day'
GROUP BY d.day
ORDER BY d.day;
