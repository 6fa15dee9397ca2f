WITH days AS (
    SELECT DISTINCT user_id, (login_at AT TIME ZONE 'UTC')::date AS day
    FROM logins
),
islands AS (
    SELECT user_id,
           day,
           day - (row_number() OVER (PARTITION BY user_id ORDER BY day))::integer AS grp
    FROM days
),
streaks AS (
    SELECT user_id,
           min(day)  AS streak_start,
           max(day)  AS streak_end,
           count(*)  AS streak_days
    FROM islands
    GROUP BY user_id, grp
)
SELECT DISTINCT ON (user_id)
       user_id, streak_start, streak_end, streak_days
FROM streaks
ORDER BY user_id, streak_days DESC, streak_start;
