-- expect: too_slow on sample
-- The range column first: the scan walks every order of the year to find one customer's.
CREATE INDEX ON orders (created_at, customer_id) INCLUDE (order_id, status, total);

SELECT order_id, created_at, status, total
FROM orders
WHERE customer_id = 1234
  AND created_at >= '2025-01-01 00:00:00+00'
  AND created_at <  '2026-01-01 00:00:00+00'
ORDER BY created_at, order_id;
