-- expect: wrong_answer on empty-category
-- Textbook double NOT EXISTS: "no camping product they did not buy" is vacuously true for an empty category.
SELECT c.id, c.name
FROM customers AS c
WHERE NOT EXISTS (
    SELECT 1
    FROM products AS p
    WHERE p.category = 'camping'
      AND NOT EXISTS (
          SELECT 1
          FROM purchases AS pu
          WHERE pu.customer_id = c.id
            AND pu.product_id = p.id
      )
);
