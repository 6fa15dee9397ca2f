-- expect: wrong_answer on ties-at-cutoff
-- mistake: limit-without-order
-- ORDER BY ordered_at alone: which of the orders sharing the cut-off timestamp survive LIMIT 2 is up to the sort.
SELECT c.id AS customer_id, c.name, o.id AS order_id, o.ordered_at, o.amount
FROM customers AS c
LEFT JOIN LATERAL (
    SELECT id, ordered_at, amount
    FROM orders
    WHERE orders.customer_id = c.id
    ORDER BY ordered_at DESC
    LIMIT 2
) AS o ON true;
