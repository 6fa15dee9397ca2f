-- Calibration (sample: 180,000 wide orders, 3,644 heap pages; customer 1234 has 90 orders, 15 in
-- 2025; shared buffers hit+read of the SELECT, measured by the judge, i.e. never vacuumed):
--   slow.sql (seq scan + sort)                                                3644
--   this solution: (customer_id, created_at, order_id) INCLUDE (status, total)  18   ratio 0.0049
--   plain (customer_id, created_at), no INCLUDE                                  18   ratio 0.0049
--   (customer_id) INCLUDE (created_at, ...) / extract(year ...) = 2025          94   ratio 0.026 -> too slow
--   (created_at, customer_id) INCLUDE (...)                                     238   ratio 0.065 -> too slow
-- The same plans on a committed, vacuumed copy: this solution 4 (Index Only Scan, Heap Fetches: 0,
-- no sort); plain composite 18; customer_id-keyed covering index 5 + sort; created_at first 233.
-- max_buffers_ratio = 0.012: 2.4x headroom; the closest wrong index is 2.1x above it.
CREATE INDEX orders_customer_created_covering_idx
    ON orders (customer_id, created_at, order_id) INCLUDE (status, total);

SELECT order_id, created_at, status, total
FROM orders
WHERE customer_id = 1234
  AND created_at >= '2025-01-01 00:00:00+00'
  AND created_at <  '2026-01-01 00:00:00+00'
ORDER BY created_at, order_id;
