SELECT product_id, name, price
FROM products
WHERE name ILIKE '%hose reel%'
ORDER BY product_id;
