SELECT d.day::date AS day,
       count(u.id) AS signups
FROM generate_series(date '2026-03-01', date '2026-03-07', interval '1 day') AS d (day)
LEFT JOIN users AS u
       ON u.created_at >= d.day
      AND u.created_at <  d.day + interval '1 day'
GROUP BY d.day
ORDER BY d.day;
