INSERT INTO events (event_id, user_id, occurred_at, kind, payload) VALUES
    (1, 7, '2026-01-02 09:00+00', 'login',    NULL),
    (2, 7, '2026-01-02 09:05+00', 'purchase', '{"sku": "CHAIR-01", "qty": 2}'),
    (3, 8, '2026-02-20 17:40+00', 'login',    NULL),
    (4, 7, '2026-03-10 11:15+00', 'logout',   NULL);
