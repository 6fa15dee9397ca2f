WITH RECURSIVE walk (node, total, path) AS (
    SELECT 'fra'::text, 0::bigint, ARRAY['fra']::text[]
  UNION ALL
    SELECT l.dst, w.total + l.cost, w.path || l.dst
    FROM walk AS w
    JOIN links AS l ON l.src = w.node
    WHERE l.dst <> ALL (w.path)
      AND w.node <> 'sgp'
)
SELECT total AS cost
FROM walk
WHERE node = 'sgp'
ORDER BY total
LIMIT 1;
