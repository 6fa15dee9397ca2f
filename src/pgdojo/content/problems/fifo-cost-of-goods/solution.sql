WITH lots AS (
    SELECT sku, unit_cost,
           sum(qty) OVER (PARTITION BY sku ORDER BY purchased_at, id
                          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - qty AS lo,
           sum(qty) OVER (PARTITION BY sku ORDER BY purchased_at, id
                          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS hi
    FROM purchases
),
sold AS (
    SELECT id, sku, qty,
           sum(qty) OVER (PARTITION BY sku ORDER BY sold_at, id
                          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - qty AS lo,
           sum(qty) OVER (PARTITION BY sku ORDER BY sold_at, id
                          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS hi
    FROM sales
)
SELECT s.id AS sale_id,
       s.sku,
       s.qty,
       sum((least(s.hi, l.hi) - greatest(s.lo, l.lo)) * l.unit_cost) AS cogs
FROM sold AS s
JOIN lots AS l
  ON l.sku = s.sku
 AND l.lo < s.hi
 AND l.hi > s.lo
GROUP BY s.id, s.sku, s.qty;
