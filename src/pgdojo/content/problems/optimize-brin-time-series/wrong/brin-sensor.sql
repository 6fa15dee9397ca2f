-- expect: too_slow on sample
-- BRIN on the grouping column: every block range holds every sensor, so the summaries exclude nothing (and the filter is not on sensor_id anyway).
CREATE INDEX ON readings USING brin (sensor_id);

SELECT sensor_id,
       count(*)   AS readings,
       avg(value) AS avg_value,
       max(value) AS max_value
FROM readings
WHERE recorded_at >= '2026-02-10 00:00:00+00'
  AND recorded_at <  '2026-02-11 00:00:00+00'
GROUP BY sensor_id
ORDER BY sensor_id;
