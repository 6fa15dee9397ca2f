-- expect: timeout on sample
-- mistake: recursive-union, recursive-no-cycle-guard
-- Relies on UNION to stop at cycles, but the hop counter makes every lap around a loop a new row: nothing ever ends the walk.
WITH RECURSIVE reach (airport, hops) AS (
    SELECT 'AMS'::text, 0
  UNION
    SELECT r.destination, reach.hops + 1
    FROM reach
    JOIN routes AS r ON r.origin = reach.airport
)
SELECT airport, min(hops) AS hops
FROM reach
WHERE airport <> 'AMS'
GROUP BY airport;
