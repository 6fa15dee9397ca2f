-- A gateway retried an upload: the same device, the same instant, two different values. The
-- retry (the higher reading_id) is the one that counts.
INSERT INTO devices (device_id, name, site) VALUES
    (1, 'sensor-001', 'plant-a'),
    (2, 'sensor-002', 'plant-b');
INSERT INTO readings (reading_id, device_id, read_at, value, diagnostics) VALUES
    (100, 1, '2026-03-01 08:00:00+00', 10.00, 'fw=3.2.0'),
    (205, 1, '2026-03-01 09:00:00+00', 11.00, 'fw=3.2.0'),
    (317, 1, '2026-03-01 09:00:00+00', 11.50, 'fw=3.2.0;retry=1'),
    (150, 1, '2026-03-01 09:00:00+00', 11.25, 'fw=3.2.0'),
    (400, 2, '2026-03-01 07:00:00+00', 30.00, 'fw=3.2.0'),
    (300, 2, '2026-03-01 07:00:00+00', 31.00, 'fw=3.2.0');
