-- Readings at the first instant of the day, the last microsecond of it, and the next midnight.
INSERT INTO readings (reading_id, sensor_id, recorded_at, value) VALUES
    (1, 1, '2026-02-10 00:00:00+00',        10.0),
    (2, 1, '2026-02-10 23:59:59.999999+00', 20.0),
    (3, 1, '2026-02-11 00:00:00+00',        90.0),
    (4, 2, '2026-02-11 00:00:00+00',        30.0),
    (5, 2, '2026-02-09 23:59:59.999999+00', 40.0),
    (6, 3, '2026-02-10 12:00:00+00',        50.0);
