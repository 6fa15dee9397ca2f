-- expect: wrong_answer on midnight-activity
-- mistake: between-timestamps
-- BETWEEN includes the next midnight, so activity at 00:00 also counts for the day before.
SELECT d.day::date AS day,
       count(DISTINCT a.user_id) FILTER (WHERE a.active_at >= d.day) AS active_today,
       count(DISTINCT a.user_id) AS active_30d
FROM generate_series(date '2026-04-01', date '2026-04-07', interval '1 day') AS d (day)
LEFT JOIN activity AS a
       ON a.active_at BETWEEN d.day - interval '29 days' AND d.day + interval '1 day'
GROUP BY d.day
ORDER BY d.day;
