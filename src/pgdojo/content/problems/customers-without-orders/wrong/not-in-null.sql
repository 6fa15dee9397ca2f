-- expect: wrong_answer on guest-orders
-- mistake: not-in-nullable
-- NOT IN against a list containing NULL is never true: one guest order empties the whole result.
SELECT c.id, c.name
FROM customers AS c
WHERE c.id NOT IN (
    SELECT o.customer_id
    FROM orders AS o
    WHERE o.status <> 'cancelled'
);
