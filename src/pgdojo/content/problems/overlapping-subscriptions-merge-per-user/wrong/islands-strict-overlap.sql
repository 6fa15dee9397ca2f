-- expect: wrong_answer on touching
-- Gaps and islands that start a new stretch unless the period overlaps the previous ones strictly: a renewal starting the day the last one ends opens a new stretch.
WITH clipped AS (
    SELECT user_id, subscription_id, starts_on,
           least(coalesce(ends_on, '2026-07-01'), '2026-07-01') AS ends_on
    FROM subscriptions
    WHERE starts_on < '2026-07-01'
), marked AS (
    SELECT *,
           CASE WHEN starts_on < max(ends_on) OVER (
                    PARTITION BY user_id ORDER BY starts_on, subscription_id
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                THEN 0 ELSE 1 END AS opens
    FROM clipped
), islands AS (
    SELECT user_id, min(starts_on) AS first_day, max(ends_on) AS end_day
    FROM (SELECT *, sum(opens) OVER (PARTITION BY user_id ORDER BY starts_on, subscription_id
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS island
          FROM marked) AS m
    GROUP BY user_id, island
)
SELECT u.user_id,
       coalesce(sum(i.end_day - i.first_day), 0) AS covered_days,
       count(i.user_id) AS stretches
FROM (SELECT DISTINCT user_id FROM subscriptions) AS u
LEFT JOIN islands AS i ON i.user_id = u.user_id
GROUP BY u.user_id
ORDER BY u.user_id;
