-- expect: wrong_answer on empty-buckets
-- mistake: count-star-outer-join
-- Joins the orders to the buckets and counts rows: an empty bucket's NULL row counts as one order.
SELECT b.bucket,
       (b.bucket - 1) * 50 AS lower_bound,
       CASE WHEN b.bucket <= 10 THEN b.bucket * 50 END AS upper_bound,
       count(*) AS orders
FROM generate_series(1, 11) AS b (bucket)
LEFT JOIN orders AS o ON width_bucket(o.total, 0, 500, 10) = b.bucket
GROUP BY b.bucket
ORDER BY b.bucket;
