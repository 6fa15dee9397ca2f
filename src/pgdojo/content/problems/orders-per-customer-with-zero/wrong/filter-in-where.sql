-- expect: wrong_answer on orders-outside-quarter
-- The conditions moved to WHERE, patched with `o.id IS NULL`: customers whose orders all fall
-- outside the quarter match neither branch and vanish.
SELECT c.id, c.name,
       count(o.id) AS order_count,
       coalesce(sum(o.total), 0) AS total_spent
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id
WHERE o.id IS NULL
   OR (o.status <> 'cancelled'
       AND o.placed_at >= '2026-01-01 00:00:00+00'
       AND o.placed_at <  '2026-04-01 00:00:00+00')
GROUP BY c.id, c.name
ORDER BY c.id;
