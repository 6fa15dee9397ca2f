-- expect: wrong_answer on bucket-boundaries
-- ceil(total / 50) puts a total of exactly 50.00 in the bucket that ends at 50.
WITH counts AS (
    SELECT least(greatest(ceil(total / 50), 1), 11) AS bucket, count(*) AS orders
    FROM orders
    GROUP BY 1
)
SELECT b.bucket, (b.bucket - 1) * 50 AS lower_bound,
       CASE WHEN b.bucket <= 10 THEN b.bucket * 50 END AS upper_bound,
       coalesce(c.orders, 0) AS orders
FROM generate_series(1, 11) AS b (bucket)
LEFT JOIN counts AS c ON c.bucket = b.bucket
ORDER BY b.bucket;
