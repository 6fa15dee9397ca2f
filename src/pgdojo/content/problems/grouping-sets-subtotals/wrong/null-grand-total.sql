-- expect: wrong_answer on empty-sales
-- SUM over no rows is NULL: the grand total of an empty table must read 0.
SELECT CASE WHEN GROUPING(region)  = 1 THEN 'ALL' ELSE region  END AS region,
       CASE WHEN GROUPING(product) = 1 THEN 'ALL' ELSE product END AS product,
       SUM(revenue) AS revenue
FROM sales
GROUP BY ROLLUP (region, product)
ORDER BY GROUPING(sales.region), sales.region,
         GROUPING(sales.product), sales.product NULLS LAST;
