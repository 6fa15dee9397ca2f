-- expect: wrong_answer on repeat-activity
-- Counts activity rows instead of distinct users, so several visits in a month inflate the rate.
WITH cohorts AS (
    SELECT user_id, date_trunc('month', signed_up_at)::date AS cohort_month FROM users
), offsets AS (
    SELECT c.cohort_month, c.user_id,
           (extract(year FROM a.active_on) - extract(year FROM c.cohort_month)) * 12
         + (extract(month FROM a.active_on) - extract(month FROM c.cohort_month)) AS k
    FROM cohorts AS c
    LEFT JOIN activity AS a ON a.user_id = c.user_id
)
SELECT cohort_month,
       count(DISTINCT user_id) AS cohort_size,
       round(100.0 * count(*) FILTER (WHERE k = 1) / count(DISTINCT user_id), 1) AS m1_pct,
       round(100.0 * count(*) FILTER (WHERE k = 2) / count(DISTINCT user_id), 1) AS m2_pct,
       round(100.0 * count(*) FILTER (WHERE k = 3) / count(DISTINCT user_id), 1) AS m3_pct
FROM offsets
GROUP BY cohort_month
ORDER BY cohort_month;
