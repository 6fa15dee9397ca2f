-- expect: wrong_answer on empty-buckets
-- Groups the orders only: a bucket with no order has nothing to group and disappears.
SELECT width_bucket(total, 0, 500, 10) AS bucket,
       (width_bucket(total, 0, 500, 10) - 1) * 50 AS lower_bound,
       CASE WHEN width_bucket(total, 0, 500, 10) <= 10
            THEN width_bucket(total, 0, 500, 10) * 50 END AS upper_bound,
       count(*) AS orders
FROM orders
GROUP BY 1
ORDER BY 1;
