-- expect: too_slow on sample
-- Adds the right index and keeps DISTINCT ON: the plan now walks the whole index and fetches every reading in order, to keep one per device.
CREATE INDEX ON readings (device_id, read_at DESC, reading_id DESC);

SELECT DISTINCT ON (d.device_id)
       d.device_id, d.name, r.read_at, r.value
FROM devices AS d
LEFT JOIN readings AS r ON r.device_id = d.device_id
ORDER BY d.device_id, r.read_at DESC, r.reading_id DESC;
