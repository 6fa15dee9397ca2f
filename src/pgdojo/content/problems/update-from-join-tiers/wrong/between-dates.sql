-- expect: wrong_answer on year-boundaries
-- mistake: between-timestamps
-- BETWEEN ... '2025-12-31' on a timestamptz stops at midnight starting Dec 31: that day is lost.
UPDATE customers AS c
SET tier = CASE
               WHEN s.spend >= 5000 THEN 'gold'
               WHEN s.spend >= 1000 THEN 'silver'
               ELSE 'bronze'
           END
FROM (
    SELECT cu.customer_id, coalesce(sum(o.amount), 0) AS spend
    FROM customers AS cu
    LEFT JOIN orders AS o
           ON o.customer_id = cu.customer_id
          AND o.status = 'paid'
          AND o.ordered_at BETWEEN '2025-01-01' AND '2025-12-31'
    GROUP BY cu.customer_id
) AS s
WHERE s.customer_id = c.customer_id;
