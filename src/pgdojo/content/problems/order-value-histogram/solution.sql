WITH counts AS (
    SELECT width_bucket(total, 0, 500, 10) AS bucket, count(*) AS orders
    FROM orders
    GROUP BY 1
)
SELECT b.bucket,
       (b.bucket - 1) * 50 AS lower_bound,
       CASE WHEN b.bucket <= 10 THEN b.bucket * 50 END AS upper_bound,
       coalesce(c.orders, 0) AS orders
FROM generate_series(1, 11) AS b (bucket)
LEFT JOIN counts AS c ON c.bucket = b.bucket
ORDER BY b.bucket;
