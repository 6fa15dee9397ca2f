-- expect: wrong_answer on sample
-- mistake: rank-for-exact-n
-- RANK() gives tied products the same rank, so a tie at third place lets a fourth product in (and it still ranks the whole table).
SELECT category_id, product_id, name, sales
FROM (SELECT p.category_id, p.product_id, p.name, p.sales,
             rank() OVER (PARTITION BY p.category_id ORDER BY p.sales DESC NULLS LAST) AS rnk
      FROM products AS p) AS ranked
WHERE rnk <= 3
ORDER BY category_id, sales DESC NULLS LAST, product_id;
