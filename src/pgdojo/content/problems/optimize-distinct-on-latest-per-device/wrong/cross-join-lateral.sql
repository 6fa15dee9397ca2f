-- expect: wrong_answer on silent-devices
-- CROSS JOIN LATERAL: a device whose subquery returns no row disappears from the dashboard instead of showing NULLs.
CREATE INDEX ON readings (device_id, read_at DESC, reading_id DESC);

SELECT d.device_id, d.name, l.read_at, l.value
FROM devices AS d
CROSS JOIN LATERAL (
    SELECT r.read_at, r.value
    FROM readings AS r
    WHERE r.device_id = d.device_id
    ORDER BY r.read_at DESC, r.reading_id DESC
    LIMIT 1
) AS l
ORDER BY d.device_id;
