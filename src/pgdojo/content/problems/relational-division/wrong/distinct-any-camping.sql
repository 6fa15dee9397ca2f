-- expect: wrong_answer on sample
-- mistake: distinct-fanout
-- The joins repeat a customer once per camping purchase and DISTINCT folds the copies back: what is left is "bought any camping product", not all of them.
SELECT DISTINCT c.id, c.name
FROM customers AS c
JOIN purchases AS pu ON pu.customer_id = c.id
JOIN products  AS p  ON p.id = pu.product_id
WHERE p.category = 'camping';
