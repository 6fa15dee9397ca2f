-- 400,000 readings of 50 sensors over 60 days, appended in time order (one every 13 s), then a
-- gateway's late backlog of 2,000 older readings appended at the end. About one reading in 500
-- is an error (NULL value). Deterministic: no random().
INSERT INTO readings (reading_id, sensor_id, recorded_at, value)
SELECT i,
       1 + i % 50,
       timestamptz '2026-01-01 00:00:00+00' + i * interval '13 seconds',
       CASE WHEN i % 500 = 123 THEN NULL ELSE 15 + ((i * 797) % 2000) / 100.0 END
FROM generate_series(1, 400000) AS g(i);
INSERT INTO readings (reading_id, sensor_id, recorded_at, value)
SELECT 400000 + i,
       7,
       timestamptz '2026-02-04 18:00:00+00' + i * interval '29 seconds',
       20 + (i % 300) / 100.0
FROM generate_series(1, 2000) AS g(i);
