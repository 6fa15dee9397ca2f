-- expect: wrong_answer on backfilled-orders
-- Orders the history by id, as if ids were assigned in time order.
SELECT customer_id, id, placed_at,
       lag(id) OVER w AS previous_id,
       placed_at - lag(placed_at) OVER w AS gap
FROM orders
WINDOW w AS (PARTITION BY customer_id ORDER BY id)
ORDER BY customer_id, placed_at, id;
