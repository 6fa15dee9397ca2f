WITH RECURSIVE flow (center, amount) AS (
    SELECT center, amount::numeric
    FROM direct_costs
  UNION ALL
    SELECT a.to_center, f.amount * a.share
    FROM flow AS f
    JOIN allocations AS a ON a.from_center = f.center
),
received AS (
    SELECT center, sum(amount) AS total
    FROM flow
    GROUP BY center
)
SELECT c.id AS center, round(coalesce(r.total, 0), 2) AS total_cost
FROM cost_centers AS c
LEFT JOIN received AS r ON r.center = c.id
WHERE c.kind = 'product';
