-- expect: wrong_answer on sale-spanning-lots
-- Charges the whole sale at the cost of the lot its first unit comes from.
WITH lots AS (
    SELECT sku, unit_cost, sum(qty) OVER w - qty AS lo, sum(qty) OVER w AS hi
    FROM purchases
    WINDOW w AS (PARTITION BY sku ORDER BY purchased_at, id
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
sold AS (
    SELECT id, sku, qty, sum(qty) OVER w - qty AS lo
    FROM sales
    WINDOW w AS (PARTITION BY sku ORDER BY sold_at, id
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT s.id AS sale_id, s.sku, s.qty, s.qty * l.unit_cost AS cogs
FROM sold AS s
JOIN lots AS l ON l.sku = s.sku AND l.lo <= s.lo AND l.hi > s.lo;
