-- expect: wrong_answer on split-shipments
-- mistake: distinct-fanout
-- DISTINCT removes the duplicated output rows, but the sums were taken over the multiplied join.
SELECT DISTINCT o.id AS order_id,
       coalesce(sum(i.qty * i.unit_price) OVER w, 0) AS items_total,
       coalesce(sum(i.qty) OVER w, 0) AS units,
       count(s.id) OVER w AS shipments
FROM orders AS o
LEFT JOIN order_items AS i ON i.order_id = o.id
LEFT JOIN shipments AS s ON s.order_id = o.id
WINDOW w AS (PARTITION BY o.id);
