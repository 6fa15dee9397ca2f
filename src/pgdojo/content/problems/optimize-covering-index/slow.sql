SELECT order_id, created_at, status, total
FROM orders
WHERE customer_id = 1234
  AND created_at >= '2025-01-01 00:00:00+00'
  AND created_at <  '2026-01-01 00:00:00+00'
ORDER BY created_at, order_id;
