-- expect: wrong_answer on missing-reports
-- Divides by count(*), so days without a report count as zero revenue.
SELECT store_id, day, revenue,
       round(sum(revenue) OVER w / count(*) OVER w, 2) AS avg_7d
FROM daily_sales
WINDOW w AS (PARTITION BY store_id ORDER BY day
             RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW)
ORDER BY store_id, day;
