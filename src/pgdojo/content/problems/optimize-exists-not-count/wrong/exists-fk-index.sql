-- expect: too_slow on sample
-- EXISTS, but over the store_id index alone: each probe reads the store's sales one by one until a recent one turns up, and all ~150 of them for a store that stopped trading.
SELECT st.store_id, st.name, st.city
FROM stores AS st
WHERE st.region = 'north'
  AND EXISTS (SELECT
              FROM sales AS s
              WHERE s.store_id = st.store_id
                AND s.sold_at >= '2025-10-01 00:00:00+00')
ORDER BY st.store_id;
