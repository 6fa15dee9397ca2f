SELECT CASE WHEN GROUPING(region)  = 1 THEN 'ALL' ELSE region  END AS region,
       CASE WHEN GROUPING(product) = 1 THEN 'ALL' ELSE product END AS product,
       COALESCE(SUM(revenue), 0) AS revenue
FROM sales
GROUP BY ROLLUP (region, product)
ORDER BY GROUPING(sales.region), sales.region,
         GROUPING(sales.product), sales.product NULLS LAST;
