-- expect: wrong_answer on same-instant-orders
-- mistake: correlated-subquery
-- Looks the previous order up per row with `placed_at <`, which skips orders placed at the same instant.
SELECT o.customer_id, o.id, o.placed_at,
       (SELECT p.id FROM orders AS p
        WHERE p.customer_id = o.customer_id AND p.placed_at < o.placed_at
        ORDER BY p.placed_at DESC, p.id DESC LIMIT 1) AS previous_id,
       o.placed_at - (SELECT max(p.placed_at) FROM orders AS p
                      WHERE p.customer_id = o.customer_id AND p.placed_at < o.placed_at) AS gap
FROM orders AS o
ORDER BY o.customer_id, o.placed_at, o.id;
