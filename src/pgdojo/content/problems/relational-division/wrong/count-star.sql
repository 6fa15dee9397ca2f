-- expect: wrong_answer on duplicate-purchases
-- count(*) counts purchases, not distinct products: buying the tent twice "covers" the lantern.
SELECT c.id, c.name
FROM customers AS c
JOIN purchases AS pu ON pu.customer_id = c.id
JOIN products  AS p  ON p.id = pu.product_id
WHERE p.category = 'camping'
GROUP BY c.id, c.name
HAVING count(*) = (SELECT count(*) FROM products WHERE category = 'camping');
