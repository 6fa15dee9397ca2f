-- expect: wrong_answer on deleted-product-lines
-- mistake: not-in-nullable
-- NOT IN over a column that can be NULL: one recent line of a deleted product empties the result.
SELECT p.id, p.sku
FROM products AS p
WHERE p.active
  AND p.id NOT IN (
      SELECT oi.product_id
      FROM order_items AS oi
      JOIN orders AS o ON o.id = oi.order_id
      WHERE o.ordered_at >= '2026-01-01 00:00:00+00'
  );
