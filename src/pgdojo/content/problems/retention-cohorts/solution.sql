WITH cohorts AS (
    SELECT user_id,
           date_trunc('month', signed_up_at AT TIME ZONE 'UTC')::date AS cohort_month
    FROM users
),
flags AS (
    SELECT c.cohort_month,
           c.user_id,
           EXISTS (SELECT 1 FROM activity a
                   WHERE a.user_id = c.user_id
                     AND a.active_on >= c.cohort_month + INTERVAL '1 month'
                     AND a.active_on <  c.cohort_month + INTERVAL '2 months') AS m1,
           EXISTS (SELECT 1 FROM activity a
                   WHERE a.user_id = c.user_id
                     AND a.active_on >= c.cohort_month + INTERVAL '2 months'
                     AND a.active_on <  c.cohort_month + INTERVAL '3 months') AS m2,
           EXISTS (SELECT 1 FROM activity a
                   WHERE a.user_id = c.user_id
                     AND a.active_on >= c.cohort_month + INTERVAL '3 months'
                     AND a.active_on <  c.cohort_month + INTERVAL '4 months') AS m3
    FROM cohorts AS c
)
SELECT cohort_month,
       count(*)                                               AS cohort_size,
       round(100.0 * count(*) FILTER (WHERE m1) / count(*), 1) AS m1_pct,
       round(100.0 * count(*) FILTER (WHERE m2) / count(*), 1) AS m2_pct,
       round(100.0 * count(*) FILTER (WHERE m3) / count(*), 1) AS m3_pct
FROM flags
GROUP BY cohort_month
ORDER BY cohort_month;
