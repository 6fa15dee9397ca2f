-- expect: wrong_answer on no-orders-last-year
-- UPDATE ... FROM is an inner join: customers without paid 2025 orders are never visited.
UPDATE customers AS c
SET tier = CASE
               WHEN s.spend >= 5000 THEN 'gold'
               WHEN s.spend >= 1000 THEN 'silver'
               ELSE 'bronze'
           END
FROM (
    SELECT customer_id, sum(amount) AS spend
    FROM orders
    WHERE status = 'paid'
      AND ordered_at >= '2025-01-01 00:00+00'
      AND ordered_at <  '2026-01-01 00:00+00'
    GROUP BY customer_id
) AS s
WHERE s.customer_id = c.customer_id;
