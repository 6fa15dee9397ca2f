-- expect: wrong_answer on exact-thresholds
-- `<` instead of `<=`: a product that brings the share to exactly 80 percent drops to class B.
WITH per_product AS (
    SELECT product_id, sum(revenue) AS revenue FROM sale_lines GROUP BY product_id
),
shares AS (
    SELECT product_id, revenue,
           100 * sum(revenue) OVER (ORDER BY revenue DESC, product_id
                                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
               / sum(revenue) OVER () AS share
    FROM per_product
)
SELECT product_id, revenue, round(share, 2) AS cumulative_pct,
       CASE WHEN share < 80 THEN 'A' WHEN share < 95 THEN 'B' ELSE 'C' END AS class
FROM shares
ORDER BY revenue DESC, product_id;
