-- expect: wrong_answer on open-ended
-- Gaps and islands whose running max(ends_on) skips NULLs: a still-running subscription does not cover the periods that start after it, so they open new stretches and are counted again.
WITH marked AS (
    SELECT *,
           CASE WHEN starts_on <= max(ends_on) OVER (
                    PARTITION BY user_id ORDER BY starts_on, subscription_id
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                THEN 0 ELSE 1 END AS opens
    FROM subscriptions
    WHERE starts_on < '2026-07-01'
), islands AS (
    SELECT user_id, min(starts_on) AS first_day,
           least(max(coalesce(ends_on, '2026-07-01')), '2026-07-01') AS end_day
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
