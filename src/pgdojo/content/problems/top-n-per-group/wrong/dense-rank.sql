-- expect: wrong_answer on ties-at-top
-- mistake: rank-for-exact-n
-- DENSE_RANK() counts distinct sales figures, not products: a tie above the cut-off lets extra rows in.
SELECT category, product, sales
FROM (
    SELECT category, product, sales,
           dense_rank() OVER (PARTITION BY category ORDER BY sales DESC NULLS LAST) AS rnk
    FROM products
) AS ranked
WHERE rnk <= 3;
