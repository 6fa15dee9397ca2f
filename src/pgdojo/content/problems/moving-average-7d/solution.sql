SELECT store_id,
       day,
       revenue,
       round(
           avg(revenue) OVER (
               PARTITION BY store_id
               ORDER BY day
               RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW
           ),
           2
       ) AS avg_7d
FROM daily_sales
ORDER BY store_id, day;
