SELECT DISTINCT ON (d.device_id)
       d.device_id, d.name, r.read_at, r.value
FROM devices AS d
LEFT JOIN readings AS r ON r.device_id = d.device_id
ORDER BY d.device_id, r.read_at DESC, r.reading_id DESC;
