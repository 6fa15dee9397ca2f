-- expect: too_slow on sample
-- mistake: correlated-subquery
-- Right index, right order, but one scalar subquery per output column: every device's latest reading is looked up twice.
CREATE INDEX ON readings (device_id, read_at DESC, reading_id DESC);

SELECT d.device_id,
       d.name,
       (SELECT r.read_at FROM readings AS r WHERE r.device_id = d.device_id
        ORDER BY r.read_at DESC, r.reading_id DESC LIMIT 1) AS read_at,
       (SELECT r.value FROM readings AS r WHERE r.device_id = d.device_id
        ORDER BY r.read_at DESC, r.reading_id DESC LIMIT 1) AS value
FROM devices AS d
ORDER BY d.device_id;
