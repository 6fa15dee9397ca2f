-- expect: wrong_answer on equal-revenue-products
-- mistake: range-frame-peers
-- ORDER BY revenue alone with the default RANGE frame adds equal-revenue products all at once.
WITH per_product AS (
    SELECT product_id, sum(revenue) AS revenue FROM sale_lines GROUP BY product_id
),
shares AS (
    SELECT product_id, revenue,
           100 * sum(revenue) OVER (ORDER BY revenue DESC) / sum(revenue) OVER () AS share
    FROM per_product
)
SELECT product_id, revenue, round(share, 2) AS cumulative_pct,
       CASE WHEN share <= 80 THEN 'A' WHEN share <= 95 THEN 'B' ELSE 'C' END AS class
FROM shares
ORDER BY revenue DESC, product_id;
