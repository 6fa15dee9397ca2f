-- expect: wrong_answer on ordered-only-last-year
-- Anti-joins against every order ever placed, so products that sold only last year are missed.
SELECT p.id, p.sku
FROM products AS p
WHERE p.active
  AND NOT EXISTS (SELECT 1 FROM order_items AS oi WHERE oi.product_id = p.id);
