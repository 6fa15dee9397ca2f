-- A gateway that was offline uploads its backlog last: the highest reading_id is an old reading.
INSERT INTO devices (device_id, name, site) VALUES
    (1, 'sensor-001', 'warehouse'),
    (2, 'sensor-002', 'warehouse');
INSERT INTO readings (reading_id, device_id, read_at, value, diagnostics) VALUES
    (1, 1, '2026-04-01 12:00:00+00', 5.00, 'fw=3.3.0'),
    (2, 1, '2026-04-01 12:10:00+00', 5.10, 'fw=3.3.0'),
    (3, 2, '2026-04-01 12:00:00+00', 7.00, 'fw=3.3.0'),
    (4, 1, '2026-04-01 09:00:00+00', 4.20, 'fw=3.3.0;backlog'),
    (5, 1, '2026-04-01 09:10:00+00', 4.30, 'fw=3.3.0;backlog'),
    (6, 2, '2026-03-31 23:00:00+00', 6.00, 'fw=3.3.0;backlog');
