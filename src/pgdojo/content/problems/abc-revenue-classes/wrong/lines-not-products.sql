-- expect: wrong_answer on many-lines-per-product
-- Classifies sale lines instead of products: a product with many small lines is ranked line by line.
SELECT product_id, revenue, cumulative_pct, class
FROM (
    SELECT DISTINCT ON (product_id) product_id, revenue,
           round(share, 2) AS cumulative_pct,
           CASE WHEN share <= 80 THEN 'A' WHEN share <= 95 THEN 'B' ELSE 'C' END AS class
    FROM (SELECT product_id, revenue,
                 100 * sum(revenue) OVER (ORDER BY revenue DESC, id
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
                     / sum(revenue) OVER () AS share
          FROM sale_lines) AS s
    ORDER BY product_id, share DESC
) AS per_product
ORDER BY revenue DESC, product_id;
