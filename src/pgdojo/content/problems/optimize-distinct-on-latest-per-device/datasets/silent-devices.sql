-- Registered devices that never reported, and a gateway reporting devices nobody registered.
INSERT INTO devices (device_id, name, site) VALUES
    (1, 'sensor-001', 'plant-a'),
    (2, 'sensor-002', 'plant-a'),
    (3, 'sensor-003', 'plant-b');
INSERT INTO readings (reading_id, device_id, read_at, value, diagnostics) VALUES
    (10, 2,   '2026-02-01 10:00:00+00', 21.50, 'fw=3.1.0'),
    (11, 2,   '2026-02-01 10:05:00+00', 21.75, 'fw=3.1.0'),
    (12, 77,  '2026-02-01 11:00:00+00', 99.00, 'fw=0.9.9'),
    (13, 78,  '2026-02-01 11:30:00+00', 98.00, 'fw=0.9.9');
