-- expect: too_slow on sample
-- mistake: function-on-indexed-column
-- "Simplifies" the range to a date comparison: the cast hides recorded_at from the BRIN index, and every page is read.
CREATE INDEX ON readings USING brin (recorded_at);

SELECT sensor_id,
       count(*)   AS readings,
       avg(value) AS avg_value,
       max(value) AS max_value
FROM readings
WHERE recorded_at::date = date '2026-02-10'
GROUP BY sensor_id
ORDER BY sensor_id;
