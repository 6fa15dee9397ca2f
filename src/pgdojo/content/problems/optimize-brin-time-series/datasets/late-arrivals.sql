-- Readings appended out of time order: a backlog uploaded days later, and early clock drift.
INSERT INTO readings (reading_id, sensor_id, recorded_at, value)
SELECT i, 1 + i % 3, timestamptz '2026-02-12 00:00:00+00' + i * interval '1 minute', 1.0
FROM generate_series(1, 100) AS g(i);
INSERT INTO readings (reading_id, sensor_id, recorded_at, value) VALUES
    (1000, 2, '2026-02-10 06:00:00+00', 7.0),
    (1001, 9, '2026-02-10 07:00:00+00', 8.0),
    (1002, 9, '2026-01-30 07:00:00+00', 9.0);
