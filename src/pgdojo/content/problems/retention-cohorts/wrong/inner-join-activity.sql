-- expect: wrong_answer on silent-cohort
-- Builds the report from joined activity rows: a cohort with no activity at all vanishes.
WITH cohorts AS (
    SELECT user_id, date_trunc('month', signed_up_at)::date AS cohort_month FROM users
), sizes AS (
    SELECT cohort_month, count(*) AS cohort_size FROM cohorts GROUP BY cohort_month
), offsets AS (
    SELECT c.cohort_month, c.user_id,
           (extract(year FROM a.active_on) - extract(year FROM c.cohort_month)) * 12
         + (extract(month FROM a.active_on) - extract(month FROM c.cohort_month)) AS k
    FROM cohorts AS c
    JOIN activity AS a ON a.user_id = c.user_id
)
SELECT o.cohort_month, s.cohort_size,
       round(100.0 * count(DISTINCT o.user_id) FILTER (WHERE k = 1) / s.cohort_size, 1) AS m1_pct,
       round(100.0 * count(DISTINCT o.user_id) FILTER (WHERE k = 2) / s.cohort_size, 1) AS m2_pct,
       round(100.0 * count(DISTINCT o.user_id) FILTER (WHERE k = 3) / s.cohort_size, 1) AS m3_pct
FROM offsets AS o
JOIN sizes AS s ON s.cohort_month = o.cohort_month
GROUP BY o.cohort_month, s.cohort_size
ORDER BY o.cohort_month;
