-- expect: wrong_answer on sample
-- mistake: count-star-outer-join
-- LEFT JOIN + HAVING count(*) > 0: a store without a recent sale still has its one NULL-extended row, so count(*) is 1.
SELECT st.store_id, st.name, st.city
FROM stores AS st
LEFT JOIN sales AS s
       ON s.store_id = st.store_id
      AND s.sold_at >= '2025-10-01 00:00:00+00'
WHERE st.region = 'north'
GROUP BY st.store_id, st.name, st.city
HAVING count(*) > 0
ORDER BY st.store_id;
