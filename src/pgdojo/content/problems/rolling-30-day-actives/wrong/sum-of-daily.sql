-- expect: wrong_answer on returning-users
-- Adds up 30 daily distinct counts: a user active on three days of the window counts three times.
WITH days AS (
    SELECT d.day, count(DISTINCT a.user_id) AS active_today
    FROM generate_series(date '2026-03-03', date '2026-04-07', interval '1 day') AS d (day)
    LEFT JOIN activity AS a
           ON a.active_at >= d.day AND a.active_at < d.day + interval '1 day'
    GROUP BY d.day
)
SELECT day::date AS day, active_today, active_30d
FROM (SELECT day, active_today,
             sum(active_today) OVER (ORDER BY day ROWS BETWEEN 29 PRECEDING AND CURRENT ROW)
                 AS active_30d
      FROM days) AS rolling
WHERE day >= date '2026-04-01'
ORDER BY day;
