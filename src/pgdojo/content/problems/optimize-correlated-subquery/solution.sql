-- Calibration (sample: 20,000 customers, 4,000 in EU, 200,000 orders; shared buffers hit+read):
--   slow.sql (three correlated subqueries, FK index only)                144188
--   this solution: LEFT JOIN LATERAL ... LIMIT 1 + index
--     (customer_id, ordered_at DESC, order_id DESC)                        16188  ratio 0.112
--   DISTINCT ON / row_number() over customers JOIN orders (hash join)       1603  ratio 0.011
--   slow.sql unchanged + the same composite index                         48188  ratio 0.334 -> too slow
--   DISTINCT ON over all orders in a subquery, then join (FK index scan)  200480  ratio 1.39  -> too slow
-- max_buffers_ratio = 0.2: 1.8x headroom for the LATERAL form, 1.7x below "just add the index".
CREATE INDEX orders_customer_latest_idx ON orders (customer_id, ordered_at DESC, order_id DESC);

SELECT c.customer_id,
       c.name,
       l.order_id   AS last_order_id,
       l.ordered_at AS last_ordered_at,
       l.total      AS last_total
FROM customers AS c
LEFT JOIN LATERAL (
    SELECT o.order_id, o.ordered_at, o.total
    FROM orders AS o
    WHERE o.customer_id = c.customer_id
    ORDER BY o.ordered_at DESC, o.order_id DESC
    LIMIT 1
) AS l ON true
WHERE c.region = 'EU'
ORDER BY c.customer_id;
