-- expect: wrong_answer on sample
-- A partial BRIN index "for the useful rows", and the query narrowed to match it: error readings no longer count, and an all-error sensor vanishes.
CREATE INDEX ON readings USING brin (recorded_at) WHERE value IS NOT NULL;

SELECT sensor_id,
       count(*)   AS readings,
       avg(value) AS avg_value,
       max(value) AS max_value
FROM readings
WHERE recorded_at >= '2026-02-10 00:00:00+00'
  AND recorded_at <  '2026-02-11 00:00:00+00'
  AND value IS NOT NULL
GROUP BY sensor_id
ORDER BY sensor_id;
