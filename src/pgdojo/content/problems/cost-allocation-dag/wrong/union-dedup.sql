-- expect: wrong_answer on equal-amounts-two-paths
-- mistake: recursive-union
-- UNION merges identical (center, amount) rows that arrive along different paths.
WITH RECURSIVE flow (center, amount) AS (
    SELECT center, amount::numeric FROM direct_costs
  UNION
    SELECT a.to_center, f.amount * a.share
    FROM flow AS f
    JOIN allocations AS a ON a.from_center = f.center
)
SELECT c.id AS center, round(coalesce(sum(f.amount), 0), 2) AS total_cost
FROM cost_centers AS c
LEFT JOIN flow AS f ON f.center = c.id
WHERE c.kind = 'product'
GROUP BY c.id;
