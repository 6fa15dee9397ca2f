-- expect: wrong_answer on long-chain
-- Stops the recursion with an arbitrary hop limit instead of detecting cycles.
WITH RECURSIVE reach (airport, hops) AS (
    SELECT destination, 1
    FROM routes
    WHERE origin = 'AMS'
  UNION ALL
    SELECT r.destination, reach.hops + 1
    FROM reach
    JOIN routes AS r ON r.origin = reach.airport
    WHERE reach.hops < 6
)
SELECT airport, min(hops) AS hops
FROM reach
WHERE airport <> 'AMS'
GROUP BY airport;
