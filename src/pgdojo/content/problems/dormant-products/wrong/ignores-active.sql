-- expect: wrong_answer on inactive-products
-- Forgets that only active products are candidates for a discount.
SELECT p.id, p.sku
FROM products AS p
WHERE NOT EXISTS (
      SELECT 1
      FROM order_items AS oi
      JOIN orders AS o ON o.id = oi.order_id
      WHERE oi.product_id = p.id
        AND o.ordered_at >= '2026-01-01 00:00:00+00'
  );
