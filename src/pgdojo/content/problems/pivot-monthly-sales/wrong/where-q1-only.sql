-- expect: wrong_answer on no-q1-sales
-- Filters rows to January-March before grouping, so products with no Q1 rows disappear.
SELECT product,
       SUM(sales) FILTER (WHERE month = 1) AS jan,
       SUM(sales) FILTER (WHERE month = 2) AS feb,
       SUM(sales) FILTER (WHERE month = 3) AS mar
FROM sales_data
WHERE month IN (1, 2, 3)
GROUP BY product;
