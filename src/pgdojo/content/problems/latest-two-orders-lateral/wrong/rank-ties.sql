-- expect: wrong_answer on ties-at-cutoff
-- mistake: rank-for-exact-n
-- rank() gives tied orders the same rank, so "rank <= 2" can return three or more orders.
SELECT customer_id, name, order_id, ordered_at, amount
FROM (
    SELECT c.id AS customer_id, c.name, o.id AS order_id, o.ordered_at, o.amount,
           rank() OVER (PARTITION BY c.id ORDER BY o.ordered_at DESC) AS rnk
    FROM customers AS c
    LEFT JOIN orders AS o ON o.customer_id = c.id
) AS ranked
WHERE rnk <= 2;
