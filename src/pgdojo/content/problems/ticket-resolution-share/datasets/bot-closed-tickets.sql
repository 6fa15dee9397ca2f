INSERT INTO tickets (id, team, assignee, resolution, opened_at) VALUES
    (1, 'billing',  NULL,    'auto-answered', '2026-04-01 09:00:00+00'),
    (2, 'billing',  NULL,    'auto-answered', '2026-04-01 09:05:00+00'),
    (3, 'billing',  'ana',   NULL,            '2026-04-01 10:00:00+00'),
    (4, 'billing',  'ana',   'refunded',      '2026-04-02 10:00:00+00'),
    (5, 'shipping', NULL,    'auto-answered', '2026-04-02 11:00:00+00'),
    (6, 'shipping', 'li',    'reshipped',     '2026-04-02 12:00:00+00');
