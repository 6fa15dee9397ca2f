-- expect: wrong_answer on window-boundaries
-- mistake: between-timestamps
-- BETWEEN includes the upper bound: readings taken at exactly midnight count in two days' reports.
CREATE INDEX ON readings USING brin (recorded_at);

SELECT sensor_id,
       count(*)   AS readings,
       avg(value) AS avg_value,
       max(value) AS max_value
FROM readings
WHERE recorded_at BETWEEN '2026-02-10 00:00:00+00' AND '2026-02-11 00:00:00+00'
GROUP BY sensor_id
ORDER BY sensor_id;
