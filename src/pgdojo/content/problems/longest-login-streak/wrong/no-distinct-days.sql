-- expect: wrong_answer on multiple-logins-per-day
-- Numbers logins instead of days: a second login on a day breaks the run in two.
WITH islands AS (
    SELECT user_id, login_at::date AS day,
           login_at::date - (row_number() OVER (PARTITION BY user_id ORDER BY login_at))::integer AS grp
    FROM logins
), streaks AS (
    SELECT user_id, min(day) AS streak_start, max(day) AS streak_end,
           count(DISTINCT day) AS streak_days
    FROM islands
    GROUP BY user_id, grp
)
SELECT DISTINCT ON (user_id) user_id, streak_start, streak_end, streak_days
FROM streaks
ORDER BY user_id, streak_days DESC, streak_start;
