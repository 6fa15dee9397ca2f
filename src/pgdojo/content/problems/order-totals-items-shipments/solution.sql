SELECT o.id AS order_id,
       coalesce(i.items_total, 0) AS items_total,
       coalesce(i.units, 0) AS units,
       coalesce(s.shipments, 0) AS shipments
FROM orders AS o
LEFT JOIN (
    SELECT order_id, sum(qty * unit_price) AS items_total, sum(qty) AS units
    FROM order_items
    GROUP BY order_id
) AS i ON i.order_id = o.id
LEFT JOIN (
    SELECT order_id, count(*) AS shipments
    FROM shipments
    GROUP BY order_id
) AS s ON s.order_id = o.id;
