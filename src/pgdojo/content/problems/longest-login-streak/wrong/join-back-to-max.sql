-- expect: wrong_answer on tied-streaks
-- Joins every streak back to the user's maximum length: two equally long streaks both come back.
WITH days AS (
    SELECT DISTINCT user_id, login_at::date AS day FROM logins
), streaks AS (
    SELECT user_id, min(day) AS streak_start, max(day) AS streak_end, count(*) AS streak_days
    FROM (SELECT user_id, day,
                 day - (row_number() OVER (PARTITION BY user_id ORDER BY day))::integer AS grp
          FROM days) AS islands
    GROUP BY user_id, grp
)
SELECT s.user_id, s.streak_start, s.streak_end, s.streak_days
FROM streaks AS s
JOIN (SELECT user_id, max(streak_days) AS best FROM streaks GROUP BY user_id) AS m
  ON m.user_id = s.user_id AND m.best = s.streak_days;
