-- expect: wrong_answer on order-at-cutoff-instant
-- `>` instead of `>=`: an order placed at exactly midnight on New Year is treated as last year's.
SELECT p.id, p.sku
FROM products AS p
WHERE p.active
  AND NOT EXISTS (
      SELECT 1
      FROM order_items AS oi
      JOIN orders AS o ON o.id = oi.order_id
      WHERE oi.product_id = p.id
        AND o.ordered_at > '2026-01-01 00:00:00+00'
  );
