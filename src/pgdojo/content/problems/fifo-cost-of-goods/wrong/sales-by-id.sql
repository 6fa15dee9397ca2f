-- expect: wrong_answer on late-synced-sales
-- Replays the sales in id order: the late-synced sales are charged the newest, dearest lots.
WITH lots AS (
    SELECT sku, unit_cost, sum(qty) OVER w - qty AS lo, sum(qty) OVER w AS hi
    FROM purchases
    WINDOW w AS (PARTITION BY sku ORDER BY purchased_at, id
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
sold AS (
    SELECT id, sku, qty, sum(qty) OVER w - qty AS lo, sum(qty) OVER w AS hi
    FROM sales
    WINDOW w AS (PARTITION BY sku ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT s.id AS sale_id, s.sku, s.qty,
       sum((least(s.hi, l.hi) - greatest(s.lo, l.lo)) * l.unit_cost) AS cogs
FROM sold AS s
JOIN lots AS l ON l.sku = s.sku AND l.lo < s.hi AND l.hi > s.lo
GROUP BY s.id, s.sku, s.qty;
