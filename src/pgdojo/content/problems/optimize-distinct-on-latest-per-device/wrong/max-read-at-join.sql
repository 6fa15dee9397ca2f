-- expect: too_slow on sample
-- mistake: correlated-subquery
-- Joins the readings equal to a correlated max(read_at): one probe for the max and a second for the rows, and a device with two readings at its latest instant would be listed twice.
CREATE INDEX ON readings (device_id, read_at DESC, reading_id DESC);

SELECT d.device_id, d.name, r.read_at, r.value
FROM devices AS d
LEFT JOIN readings AS r
       ON r.device_id = d.device_id
      AND r.read_at = (SELECT max(r2.read_at) FROM readings AS r2 WHERE r2.device_id = d.device_id)
ORDER BY d.device_id;
