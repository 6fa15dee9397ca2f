-- expect: wrong_answer on only-cancelled
-- Counts cancelled orders as orders, so customers who only ever cancelled are missed.
SELECT c.id, c.name
FROM customers AS c
WHERE NOT EXISTS (
    SELECT 1
    FROM orders AS o
    WHERE o.customer_id = c.id
);
