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
