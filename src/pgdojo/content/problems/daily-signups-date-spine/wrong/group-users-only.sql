-- expect: wrong_answer on quiet-days
-- Groups the users by day: a day nobody signed up on has no row to group, so it is missing.
SELECT created_at::date AS day, count(*) AS signups
FROM users
WHERE created_at >= '2026-03-01 00:00:00+00' AND created_at < '2026-03-08 00:00:00+00'
GROUP BY 1
ORDER BY 1;
