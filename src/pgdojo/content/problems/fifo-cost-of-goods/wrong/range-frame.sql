-- expect: wrong_answer on same-instant-purchases
-- mistake: range-frame-peers
-- Running totals ordered by time alone use the RANGE frame: two lots received at the same
-- instant get the same running total, so both claim the same units.
WITH lots AS (
    SELECT sku, unit_cost,
           sum(qty) OVER (PARTITION BY sku ORDER BY purchased_at) - qty AS lo,
           sum(qty) OVER (PARTITION BY sku ORDER BY purchased_at) AS hi
    FROM purchases
),
sold AS (
    SELECT id, sku, qty,
           sum(qty) OVER (PARTITION BY sku ORDER BY sold_at) - qty AS lo,
           sum(qty) OVER (PARTITION BY sku ORDER BY sold_at) AS hi
    FROM sales
)
SELECT s.id AS sale_id, s.sku, s.qty,
       sum((least(s.hi, l.hi) - greatest(s.lo, l.lo)) * l.unit_cost) AS cogs
FROM sold AS s
JOIN lots AS l ON l.sku = s.sku AND l.lo < s.hi AND l.hi > s.lo
GROUP BY s.id, s.sku, s.qty;
