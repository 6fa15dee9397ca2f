-- expect: wrong_answer on ties-at-cutoff
-- mistake: rank-for-exact-n
-- RANK() gives equal sales the same rank, so a tie at third place returns four or more rows.
SELECT category, product, sales
FROM (
    SELECT category, product, sales,
           rank() OVER (PARTITION BY category ORDER BY sales DESC NULLS LAST) AS rnk
    FROM products
) AS ranked
WHERE rnk <= 3;
