-- expect: wrong_answer on route-back-to-start
-- Seeds the search with AMS's destinations, so a route back to AMS lists the start airport itself.
WITH RECURSIVE reach (airport, hops) AS (
    SELECT destination, 1
    FROM routes
    WHERE origin = 'AMS'
  UNION ALL
    SELECT r.destination, reach.hops + 1
    FROM reach
    JOIN routes AS r ON r.origin = reach.airport
) CYCLE airport SET is_cycle USING path
SELECT airport, min(hops) AS hops
FROM reach
WHERE NOT is_cycle
GROUP BY airport;
