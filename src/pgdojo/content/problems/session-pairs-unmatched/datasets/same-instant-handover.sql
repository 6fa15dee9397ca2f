-- A shared kiosk: one logout and the next login are logged in the same second.
INSERT INTO auth_events (id, user_id, kind, at) VALUES
    (1, 40, 'login',  '2026-06-01 08:00:00+00'),
    (2, 40, 'logout', '2026-06-01 11:00:00+00'),
    (3, 40, 'login',  '2026-06-01 11:00:00+00'),
    (4, 40, 'logout', '2026-06-01 12:00:00+00'),
    (5, 41, 'login',  '2026-06-01 09:00:00+00'),
    (6, 41, 'logout', '2026-06-01 09:00:00+00');
