-- expect: wrong_answer on custom-lines
-- mistake: not-in-nullable
-- NOT IN over a column holding NULLs is never true, so no unordered product is ever deleted.
MERGE INTO products AS p
USING price_feed AS f
   ON f.product_id = p.product_id
WHEN MATCHED AND (p.name, p.price, p.active)
                 IS DISTINCT FROM (f.name, coalesce(f.price, p.price), true) THEN
    UPDATE SET name = f.name, price = coalesce(f.price, p.price), active = true,
               revision = p.revision + 1
WHEN NOT MATCHED BY TARGET THEN
    INSERT (product_id, name, price, active, revision)
    VALUES (f.product_id, f.name, f.price, true, 1)
WHEN NOT MATCHED BY SOURCE
     AND p.product_id NOT IN (SELECT product_id FROM order_lines) THEN
    DELETE
WHEN NOT MATCHED BY SOURCE AND p.active THEN
    UPDATE SET active = false, revision = p.revision + 1;
