-- expect: wrong_answer on same-instant
-- Drops order_id from the ORDER BY "because the index is unique enough": orders placed at the same instant come out in storage order.
CREATE INDEX ON orders (customer_id, created_at) INCLUDE (order_id, status, total);

SELECT order_id, created_at, status, total
FROM orders
WHERE customer_id = 1234
  AND created_at >= '2025-01-01 00:00:00+00'
  AND created_at <  '2026-01-01 00:00:00+00'
ORDER BY created_at;
