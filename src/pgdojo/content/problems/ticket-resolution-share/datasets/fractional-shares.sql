INSERT INTO tickets (id, team, assignee, resolution, opened_at) VALUES
    (1, 'accounts', 'marta', 'reset',   '2026-05-01 09:00:00+00'),
    (2, 'accounts', 'marta', 'reset',   '2026-05-01 10:00:00+00'),
    (3, 'accounts', 'marta', NULL,      '2026-05-01 11:00:00+00'),
    (4, 'fraud',    'sven',  'blocked', '2026-05-02 09:00:00+00'),
    (5, 'fraud',    'sven',  NULL,      '2026-05-02 10:00:00+00'),
    (6, 'fraud',    'sven',  NULL,      '2026-05-02 11:00:00+00'),
    (7, 'fraud',    'sven',  NULL,      '2026-05-02 12:00:00+00'),
    (8, 'fraud',    'sven',  NULL,      '2026-05-02 13:00:00+00'),
    (9, 'fraud',    'sven',  NULL,      '2026-05-02 14:00:00+00');
