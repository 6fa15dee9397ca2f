-- expect: too_slow on sample
-- mistake: correlated-subquery
-- Adds the composite index but keeps three correlated subqueries: each EU customer still costs three index probes.
CREATE INDEX ON orders (customer_id, ordered_at DESC, order_id DESC);

SELECT c.customer_id,
       c.name,
       (SELECT o.order_id FROM orders AS o
         WHERE o.customer_id = c.customer_id
         ORDER BY o.ordered_at DESC, o.order_id DESC LIMIT 1) AS last_order_id,
       (SELECT o.ordered_at FROM orders AS o
         WHERE o.customer_id = c.customer_id
         ORDER BY o.ordered_at DESC, o.order_id DESC LIMIT 1) AS last_ordered_at,
       (SELECT o.total FROM orders AS o
         WHERE o.customer_id = c.customer_id
         ORDER BY o.ordered_at DESC, o.order_id DESC LIMIT 1) AS last_total
FROM customers AS c
WHERE c.region = 'EU'
ORDER BY c.customer_id;
