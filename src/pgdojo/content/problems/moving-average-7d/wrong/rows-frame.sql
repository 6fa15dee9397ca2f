-- expect: wrong_answer on closed-days
-- ROWS 6 PRECEDING means "the last 7 rows", which spans more than 7 days when days are missing.
SELECT store_id, day, revenue,
       round(avg(revenue) OVER (
           PARTITION BY store_id ORDER BY day
           ROWS BETWEEN 6 PRECEDING AND CURRENT ROW
       ), 2) AS avg_7d
FROM daily_sales
ORDER BY store_id, day;
