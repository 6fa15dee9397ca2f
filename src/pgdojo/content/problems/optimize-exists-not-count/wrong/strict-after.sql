-- expect: wrong_answer on quarter-boundary
-- "Since October" written as a strict comparison: a sale at the first instant of the quarter no longer counts.
CREATE INDEX ON sales (store_id, sold_at);

SELECT st.store_id, st.name, st.city
FROM stores AS st
WHERE st.region = 'north'
  AND EXISTS (SELECT
              FROM sales AS s
              WHERE s.store_id = st.store_id
                AND s.sold_at > '2025-10-01 00:00:00+00')
ORDER BY st.store_id;
