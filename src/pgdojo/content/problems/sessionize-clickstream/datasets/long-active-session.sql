-- A user who keeps clicking every 20 minutes for two hours stays in one session.
INSERT INTO clicks (id, user_id, ts, page) VALUES
    (1, 80, '2026-06-03 09:00:00', '/home'),
    (2, 80, '2026-06-03 09:20:00', '/docs/1'),
    (3, 80, '2026-06-03 09:40:00', '/docs/2'),
    (4, 80, '2026-06-03 10:00:00', '/docs/3'),
    (5, 80, '2026-06-03 10:20:00', '/docs/4'),
    (6, 80, '2026-06-03 10:40:00', '/docs/5'),
    (7, 80, '2026-06-03 11:00:00', '/docs/6'),
    (8, 90, '2026-06-03 09:15:00', '/home'),
    (9, 90, '2026-06-03 09:29:00', '/pricing');
