-- expect: wrong_answer on late-arrivals
-- Assumes the highest reading_id is the latest reading: a gateway's backlog uploaded late has higher ids than newer readings.
CREATE INDEX ON readings (device_id, reading_id DESC);

SELECT d.device_id, d.name, l.read_at, l.value
FROM devices AS d
LEFT JOIN LATERAL (
    SELECT r.read_at, r.value
    FROM readings AS r
    WHERE r.device_id = d.device_id
    ORDER BY r.reading_id DESC
    LIMIT 1
) AS l ON true
ORDER BY d.device_id;
