-- expect: wrong_answer on quarter-boundaries
-- mistake: between-timestamps
-- BETWEEN includes its upper bound: an order at exactly 2026-04-01 00:00 lands in Q1 too.
SELECT c.id, c.name,
       count(o.id) AS order_count,
       coalesce(sum(o.total), 0) AS total_spent
FROM customers AS c
LEFT JOIN orders AS o
       ON o.customer_id = c.id
      AND o.status <> 'cancelled'
      AND o.placed_at BETWEEN '2026-01-01 00:00:00+00' AND '2026-04-01 00:00:00+00'
GROUP BY c.id, c.name
ORDER BY c.id;
