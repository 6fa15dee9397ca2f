-- 60 registered devices reporting every 30 seconds for about 83 days: 240,000 readings, plus a
-- few from 2 devices that were never registered. Readings mostly arrive in time order.
-- Deterministic: no random().
INSERT INTO devices (device_id, name, site)
SELECT i, 'sensor-' || lpad(i::text, 3, '0'), (ARRAY['plant-a', 'plant-b', 'warehouse'])[1 + i % 3]
FROM generate_series(1, 60) AS g(i);
INSERT INTO readings (reading_id, device_id, read_at, value, diagnostics)
SELECT i,
       CASE WHEN i % 500 = 7 THEN 900 + i % 2 ELSE 1 + (i * 37) % 60 END,
       timestamptz '2026-01-01 00:00:00+00' + (i / 60) * interval '30 seconds' + (i % 60) * interval '1 second',
       ((i * 131) % 10000) / 100.0,
       'fw=3.' || i % 7 || '.' || i % 11 || ';battery=' || 40 + i % 60 || ';rssi=-' || 50 + i % 40
           || ';gateway=gw-' || i % 23 || ';flags=' || repeat('0', 32)
FROM generate_series(1, 240000) AS g(i);
