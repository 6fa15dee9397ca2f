-- Calibration (sample, 150,000 orders, PostgreSQL 18, shared buffers hit+read of the SELECT):
--   slow.sql (seq scan + sort)                              2078
--   this solution, index (customer_id, created_at)             7   ratio 0.0034
--   index (customer_id, created_at DESC, order_id DESC)        7   ratio 0.0034
--   index (customer_id) only                                  52   ratio 0.025  -> too slow
--   index (created_at, customer_id) (columns reversed)        63   ratio 0.030  -> too slow
--   index (created_at) only                                  208   ratio 0.10   -> too slow
-- max_buffers_ratio = 0.01: about 3x headroom above this solution, 2.5x below the closest wrong index.
CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at);

SELECT order_id, created_at, status, total
FROM orders
WHERE customer_id = 1234
  AND created_at >= '2026-01-01 00:00:00+00'
  AND created_at <  '2026-04-01 00:00:00+00'
ORDER BY created_at DESC, order_id DESC;
