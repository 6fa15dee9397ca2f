-- expect: wrong_answer on range-boundaries
-- mistake: between-timestamps
-- BETWEEN includes the upper bound: an order placed at the first instant of 2026 lands in the 2025 statement.
CREATE INDEX ON orders (customer_id, created_at, order_id) INCLUDE (status, total);

SELECT order_id, created_at, status, total
FROM orders
WHERE customer_id = 1234
  AND created_at BETWEEN '2025-01-01 00:00:00+00' AND '2026-01-01 00:00:00+00'
ORDER BY created_at, order_id;
