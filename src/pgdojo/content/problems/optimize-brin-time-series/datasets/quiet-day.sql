-- The site was offline that day.
INSERT INTO readings (reading_id, sensor_id, recorded_at, value) VALUES
    (1, 1, '2026-02-09 22:00:00+00', 10.0),
    (2, 1, '2026-02-11 02:00:00+00', 11.0);
