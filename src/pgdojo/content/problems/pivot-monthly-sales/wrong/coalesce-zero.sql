-- expect: wrong_answer on null-sales
-- COALESCE turns "no figure at all" into 0, but the report must show NULL there.
SELECT product,
       COALESCE(SUM(sales) FILTER (WHERE month = 1), 0) AS jan,
       COALESCE(SUM(sales) FILTER (WHERE month = 2), 0) AS feb,
       COALESCE(SUM(sales) FILTER (WHERE month = 3), 0) AS mar
FROM sales_data
GROUP BY product;
