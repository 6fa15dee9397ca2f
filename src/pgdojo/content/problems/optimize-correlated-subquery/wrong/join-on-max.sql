-- expect: wrong_answer on same-instant
-- Joins back on the latest timestamp: two orders at that instant give the customer two rows.
SELECT c.customer_id,
       c.name,
       o.order_id   AS last_order_id,
       o.ordered_at AS last_ordered_at,
       o.total      AS last_total
FROM customers AS c
LEFT JOIN (
    SELECT customer_id, max(ordered_at) AS last_at
    FROM orders
    GROUP BY customer_id
) AS m ON m.customer_id = c.customer_id
LEFT JOIN orders AS o
       ON o.customer_id = c.customer_id
      AND o.ordered_at = m.last_at
WHERE c.region = 'EU'
ORDER BY c.customer_id;
