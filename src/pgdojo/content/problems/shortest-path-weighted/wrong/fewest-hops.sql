-- expect: wrong_answer on cheap-long-route
-- Takes the route with the fewest links (breadth-first thinking) instead of the cheapest one.
WITH RECURSIVE walk (node, total, hops, path) AS (
    SELECT 'fra'::text, 0::bigint, 0, ARRAY['fra']::text[]
  UNION ALL
    SELECT l.dst, w.total + l.cost, w.hops + 1, w.path || l.dst
    FROM walk AS w
    JOIN links AS l ON l.src = w.node
    WHERE l.dst <> ALL (w.path)
      AND w.node <> 'sgp'
)
SELECT total AS cost
FROM walk
WHERE node = 'sgp'
ORDER BY hops, total
LIMIT 1;
