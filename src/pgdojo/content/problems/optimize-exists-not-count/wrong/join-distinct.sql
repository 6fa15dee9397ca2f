-- expect: too_slow on sample
-- mistake: distinct-fanout
-- Joins every recent sale to its store and removes the duplicates afterwards: the join produces thousands of rows to keep 80.
CREATE INDEX ON sales (store_id, sold_at);

SELECT DISTINCT st.store_id, st.name, st.city
FROM stores AS st
JOIN sales AS s ON s.store_id = st.store_id
WHERE st.region = 'north'
  AND s.sold_at >= '2025-10-01 00:00:00+00'
ORDER BY st.store_id;
