-- expect: wrong_answer on product-without-costs
-- Starts from the flows, so a product that receives nothing has no row at all.
WITH RECURSIVE flow (center, amount) AS (
    SELECT center, amount::numeric FROM direct_costs
  UNION ALL
    SELECT a.to_center, f.amount * a.share
    FROM flow AS f
    JOIN allocations AS a ON a.from_center = f.center
)
SELECT f.center, round(sum(f.amount), 2) AS total_cost
FROM flow AS f
JOIN cost_centers AS c ON c.id = f.center AND c.kind = 'product'
GROUP BY f.center;
