SELECT category, product, sales
FROM (
    SELECT category,
           product,
           sales,
           row_number() OVER (
               PARTITION BY category
               ORDER BY sales DESC NULLS LAST, product
           ) AS position
    FROM products
) AS ranked
WHERE position <= 3;
