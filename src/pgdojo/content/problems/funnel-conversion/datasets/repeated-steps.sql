-- Users come back: the same step can happen several times, before and after other steps.
INSERT INTO events (id, user_id, event_type, ts) VALUES
    (1,  1, 'cart',     '2026-05-01 08:00:00'),
    (2,  1, 'view',     '2026-05-01 08:05:00'),
    (3,  1, 'cart',     '2026-05-01 08:06:00'),
    (4,  2, 'view',     '2026-05-01 09:00:00'),
    (5,  2, 'cart',     '2026-05-01 09:02:00'),
    (6,  2, 'purchase', '2026-05-01 09:03:00'),
    (7,  2, 'checkout', '2026-05-01 09:10:00'),
    (8,  2, 'purchase', '2026-05-01 09:11:00'),
    (9,  3, 'view',     '2026-05-02 10:00:00'),
    (10, 3, 'view',     '2026-05-02 10:01:00'),
    (11, 3, 'cart',     '2026-05-02 10:02:00'),
    (12, 3, 'cart',     '2026-05-02 10:03:00'),
    (13, 3, 'checkout', '2026-05-02 10:04:00');
