-- Calibration (sample: 200,000 orders, ~430 a day; shared buffers hit+read of the SELECT):
--   slow.sql (created_at::date = ..., seq scan)                          1755
--   this solution: half-open range on the bare column, existing index       8   ratio 0.0046
--   date_trunc('day', created_at) = ... (another function, seq scan)     1755   ratio 1.0 -> too slow
--   cast kept + index (created_at, status)                               1755   ratio 1.0 -> too slow
-- max_buffers_ratio = 0.05: 10x headroom; every plan that keeps a function around created_at
-- reads the whole table.
SELECT status,
       count(*)   AS orders,
       sum(total) AS revenue
FROM orders
WHERE created_at >= timestamptz '2026-03-14 00:00:00+00'
  AND created_at <  timestamptz '2026-03-15 00:00:00+00'
GROUP BY status
ORDER BY status;
