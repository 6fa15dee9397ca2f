-- The first delivery of an event; the checks replay it.
INSERT INTO events (event_id, user_id, occurred_at, kind, payload) VALUES
    (4001, 7, '2026-02-03 07:00+00', 'purchase', '{"sku": "DESK-02"}'),
    (4002, 8, '2026-02-03 07:00+00', 'purchase', '{"sku": "LAMP-03"}');
