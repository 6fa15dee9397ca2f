-- expect: wrong_answer on quiet-days
-- mistake: count-star-outer-join
-- count(*) counts the NULL row the LEFT JOIN makes for an empty day: quiet days show 1.
SELECT d.day::date AS day, count(*) AS signups
FROM generate_series(date '2026-03-01', date '2026-03-07', interval '1 day') AS d (day)
LEFT JOIN users AS u
       ON u.created_at >= d.day AND u.created_at < d.day + interval '1 day'
GROUP BY d.day
ORDER BY d.day;
