-- Calibration (sample: 1,010 stores, 60 northern; 150,000 sales; shared buffers hit+read of the
-- SELECT, measured by the judge):
--   slow.sql (count(*) per store over the `store_id` index)               7286
--   this solution: EXISTS + index (store_id, sold_at)                         243   ratio 0.033
--   EXISTS over the `store_id` index only (filter on sold_at)               1410   ratio 0.19 -> too slow
--   count(*) > 0 kept + index (store_id, sold_at)                            1595   ratio 0.22 -> too slow
--   JOIN + DISTINCT (hash join over every sale; judge reloads included)     3325   ratio 0.46 -> too slow
-- max_buffers_ratio = 0.07: 2.1x headroom; the closest wrong plan is 2.8x above it.
CREATE INDEX sales_store_sold_at_idx ON sales (store_id, sold_at);

SELECT st.store_id, st.name, st.city
FROM stores AS st
WHERE st.region = 'north'
  AND EXISTS (SELECT
              FROM sales AS s
              WHERE s.store_id = st.store_id
                AND s.sold_at >= '2025-10-01 00:00:00+00')
ORDER BY st.store_id;
