-- Calibration (sample: 60 devices, 240,000 readings in 4,286 heap pages; shared buffers hit+read
-- of the SELECT, measured by the judge):
--   slow.sql (seq scan, hash join, sort of every reading)                       4287
--   this solution: LEFT JOIN LATERAL ... LIMIT 1 + index
--     (device_id, read_at DESC, reading_id DESC): ~4 buffers per device            242   ratio 0.056
--   two correlated scalar subqueries (read_at, value) + the same index           482   ratio 0.112 -> too slow
--   join on a correlated max(read_at) + the same index                           482   ratio 0.112 -> too slow
--   DISTINCT ON unchanged + the same index (full index scan, every heap row)    12860   ratio 3.0   -> too slow
--   the LATERAL over an index on (device_id) only (every reading, top-1 sort)  239902   ratio 56    -> too slow
--   the LATERAL with no index: a sequential scan per device                   time limit
-- max_buffers_ratio = 0.08: 1.4x headroom; the double probe is 1.4x above it.
CREATE INDEX readings_device_latest_idx ON readings (device_id, read_at DESC, reading_id DESC);

SELECT d.device_id, d.name, l.read_at, l.value
FROM devices AS d
LEFT JOIN LATERAL (
    SELECT r.read_at, r.value
    FROM readings AS r
    WHERE r.device_id = d.device_id
    ORDER BY r.read_at DESC, r.reading_id DESC
    LIMIT 1
) AS l ON true
ORDER BY d.device_id;
