-- expect: wrong_answer on null-sales
-- mistake: desc-nulls-first
-- DESC without NULLS LAST, in the index and the LATERAL: products without a figure are ranked best.
CREATE INDEX ON products (category_id, sales DESC, product_id);

SELECT c.category_id, top.product_id, top.name, top.sales
FROM categories AS c
CROSS JOIN LATERAL (
    SELECT p.product_id, p.name, p.sales
    FROM products AS p
    WHERE p.category_id = c.category_id
    ORDER BY p.sales DESC, p.product_id
    LIMIT 3
) AS top
ORDER BY c.category_id, top.sales DESC, top.product_id;
