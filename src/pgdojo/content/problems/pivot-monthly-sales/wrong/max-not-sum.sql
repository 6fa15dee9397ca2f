-- expect: wrong_answer on repeated-month
-- MAX (the usual "pivot" aggregate) keeps one row's figure instead of adding all of them.
SELECT product,
       MAX(CASE WHEN month = 1 THEN sales END) AS jan,
       MAX(CASE WHEN month = 2 THEN sales END) AS feb,
       MAX(CASE WHEN month = 3 THEN sales END) AS mar
FROM sales_data
GROUP BY product;
