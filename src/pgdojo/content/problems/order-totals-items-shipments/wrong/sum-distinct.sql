-- expect: wrong_answer on identical-lines
-- mistake: distinct-fanout
-- sum(DISTINCT ...) undoes the fan-out only while no two lines of an order have the same amount.
SELECT o.id AS order_id,
       coalesce(sum(DISTINCT i.qty * i.unit_price), 0) AS items_total,
       coalesce(sum(DISTINCT i.qty), 0) AS units,
       count(DISTINCT s.id) AS shipments
FROM orders AS o
LEFT JOIN order_items AS i ON i.order_id = o.id
LEFT JOIN shipments AS s ON s.order_id = o.id
GROUP BY o.id;
