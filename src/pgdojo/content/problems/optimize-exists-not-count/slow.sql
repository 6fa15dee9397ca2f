SELECT st.store_id, st.name, st.city
FROM stores AS st
WHERE st.region = 'north'
  AND (SELECT count(*)
       FROM sales AS s
       WHERE s.store_id = st.store_id
         AND s.sold_at >= '2025-10-01 00:00:00+00') > 0
ORDER BY st.store_id;
