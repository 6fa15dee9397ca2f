-- Sensors that reported errors (NULL values), one of them nothing else that day.
INSERT INTO readings (reading_id, sensor_id, recorded_at, value) VALUES
    (1, 4, '2026-02-10 01:00:00+00', NULL),
    (2, 4, '2026-02-10 02:00:00+00', NULL),
    (3, 5, '2026-02-10 01:00:00+00', 12.5),
    (4, 5, '2026-02-10 02:00:00+00', NULL),
    (5, 5, '2026-02-10 03:00:00+00', 13.5);
