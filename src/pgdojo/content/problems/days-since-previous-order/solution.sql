SELECT customer_id,
       id,
       placed_at,
       lag(id) OVER w AS previous_id,
       placed_at - lag(placed_at) OVER w AS gap
FROM orders
WINDOW w AS (PARTITION BY customer_id ORDER BY placed_at, id)
ORDER BY customer_id, placed_at, id;
