-- expect: wrong_answer on small-category
-- LEFT JOIN LATERAL keeps a category without products as a row of NULLs, which the original query never returns.
CREATE INDEX ON products (category_id, sales DESC NULLS LAST, product_id);

SELECT c.category_id, top.product_id, top.name, top.sales
FROM categories AS c
LEFT JOIN LATERAL (
    SELECT p.product_id, p.name, p.sales
    FROM products AS p
    WHERE p.category_id = c.category_id
    ORDER BY p.sales DESC NULLS LAST, p.product_id
    LIMIT 3
) AS top ON true
ORDER BY c.category_id, top.sales DESC NULLS LAST, top.product_id;
