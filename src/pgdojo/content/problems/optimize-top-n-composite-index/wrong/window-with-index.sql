-- expect: too_slow on sample
-- The composite index under the window query: the rows come out presorted, but all 200,000 are still read and numbered.
CREATE INDEX ON products (category_id, sales DESC NULLS LAST, product_id);

SELECT category_id, product_id, name, sales
FROM (SELECT p.category_id, p.product_id, p.name, p.sales,
             row_number() OVER (PARTITION BY p.category_id
                                ORDER BY p.sales DESC NULLS LAST, p.product_id) AS rn
      FROM products AS p) AS ranked
WHERE rn <= 3
ORDER BY category_id, sales DESC NULLS LAST, product_id;
