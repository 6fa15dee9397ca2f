WITH RECURSIVE reach (airport, hops) AS (
    SELECT 'AMS'::text, 0
  UNION ALL
    SELECT r.destination, reach.hops + 1
    FROM reach
    JOIN routes AS r ON r.origin = reach.airport
) CYCLE airport SET is_cycle USING path
SELECT airport, min(hops) AS hops
FROM reach
WHERE NOT is_cycle
  AND airport <> 'AMS'
GROUP BY airport;
