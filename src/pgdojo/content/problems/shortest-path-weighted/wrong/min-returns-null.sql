-- expect: wrong_answer on unreachable
-- An aggregate without GROUP BY always returns one row: NULL when the target is never reached.
WITH RECURSIVE walk (node, total, path) AS (
    SELECT 'fra'::text, 0::bigint, ARRAY['fra']::text[]
  UNION ALL
    SELECT l.dst, w.total + l.cost, w.path || l.dst
    FROM walk AS w
    JOIN links AS l ON l.src = w.node
    WHERE l.dst <> ALL (w.path)
      AND w.node <> 'sgp'
)
SELECT min(total) AS cost
FROM walk
WHERE node = 'sgp';
