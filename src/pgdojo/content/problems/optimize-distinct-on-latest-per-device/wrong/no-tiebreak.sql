-- expect: wrong_answer on same-instant
-- mistake: limit-without-order
-- LIMIT 1 ordered by read_at alone: between readings of the same instant the index's order decides, not the highest reading id.
CREATE INDEX ON readings (device_id, read_at);

SELECT d.device_id, d.name, l.read_at, l.value
FROM devices AS d
LEFT JOIN LATERAL (
    SELECT r.read_at, r.value
    FROM readings AS r
    WHERE r.device_id = d.device_id
    ORDER BY r.read_at DESC
    LIMIT 1
) AS l ON true
ORDER BY d.device_id;
