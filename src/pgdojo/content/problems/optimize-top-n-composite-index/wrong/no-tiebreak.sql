-- expect: wrong_answer on ties-at-cutoff
-- mistake: limit-without-order
-- The LATERAL orders by sales alone: which of the products tied at third place survives the LIMIT is up to the plan.
CREATE INDEX ON products (category_id, sales DESC NULLS LAST);

SELECT c.category_id, top.product_id, top.name, top.sales
FROM categories AS c
CROSS JOIN LATERAL (
    SELECT p.product_id, p.name, p.sales
    FROM products AS p
    WHERE p.category_id = c.category_id
    ORDER BY p.sales DESC NULLS LAST
    LIMIT 3
) AS top
ORDER BY c.category_id, top.sales DESC NULLS LAST, top.product_id;
