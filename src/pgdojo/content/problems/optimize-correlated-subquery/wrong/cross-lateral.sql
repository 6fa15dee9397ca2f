-- expect: wrong_answer on no-orders
-- CROSS JOIN LATERAL is an inner join: customers who never ordered vanish instead of showing NULLs.
CREATE INDEX ON orders (customer_id, ordered_at DESC, order_id DESC);

SELECT c.customer_id,
       c.name,
       l.order_id   AS last_order_id,
       l.ordered_at AS last_ordered_at,
       l.total      AS last_total
FROM customers AS c
CROSS JOIN LATERAL (
    SELECT o.order_id, o.ordered_at, o.total
    FROM orders AS o
    WHERE o.customer_id = c.customer_id
    ORDER BY o.ordered_at DESC, o.order_id DESC
    LIMIT 1
) AS l
WHERE c.region = 'EU'
ORDER BY c.customer_id;
