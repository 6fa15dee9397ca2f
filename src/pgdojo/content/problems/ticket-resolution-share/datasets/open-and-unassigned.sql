INSERT INTO tickets (id, team, assignee, resolution, opened_at) VALUES
    (1, 'billing',  NULL,   NULL,            '2026-06-01 09:00:00+00'),
    (2, 'billing',  NULL,   NULL,            '2026-06-01 09:30:00+00'),
    (3, 'billing',  'ana',  'refunded',      '2026-06-01 10:00:00+00'),
    (4, 'billing',  'ana',  NULL,            '2026-06-01 11:00:00+00'),
    (5, 'shipping', NULL,   NULL,            '2026-06-02 09:00:00+00'),
    (6, 'shipping', 'li',   'reshipped',     '2026-06-02 10:00:00+00'),
    (7, 'shipping', 'li',   'reshipped',     '2026-06-02 11:00:00+00'),
    (8, 'shipping', 'li',   'reshipped',     '2026-06-02 12:00:00+00');
