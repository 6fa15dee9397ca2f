SELECT product,
       SUM(sales) FILTER (WHERE month = 1) AS jan,
       SUM(sales) FILTER (WHERE month = 2) AS feb,
       SUM(sales) FILTER (WHERE month = 3) AS mar
FROM sales_data
GROUP BY product;
