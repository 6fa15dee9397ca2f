SELECT region,
       round(
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY amount))::numeric,
           2
       ) AS median_amount
FROM orders
GROUP BY region;
