-- expect: wrong_answer on null-product
-- COALESCE labels every NULL as 'ALL', so an unclassified product looks like the region subtotal.
SELECT COALESCE(region,  'ALL') AS region,
       COALESCE(product, 'ALL') AS product,
       COALESCE(SUM(revenue), 0) AS revenue
FROM sales
GROUP BY ROLLUP (region, product)
ORDER BY GROUPING(sales.region), sales.region,
         GROUPING(sales.product), sales.product NULLS LAST;
