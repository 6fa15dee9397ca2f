-- Mobile clients upload buffered clicks late: ids follow arrival, not ts.
INSERT INTO clicks (id, user_id, ts, page) VALUES
    (1, 60, '2026-05-10 12:00:00', '/home'),
    (2, 60, '2026-05-10 14:00:00', '/home'),
    (3, 70, '2026-05-10 12:05:00', '/feed'),
    (4, 60, '2026-05-10 14:10:00', '/profile'),
    (5, 60, '2026-05-10 12:20:00', '/search'),
    (6, 60, '2026-05-10 12:40:00', '/item/9'),
    (7, 70, '2026-05-10 13:30:00', '/feed'),
    (8, 70, '2026-05-10 12:25:00', '/post/1'),
    (9, 70, '2026-05-10 13:05:00', '/post/2');
