INSERT INTO tickets (id, team, assignee, resolution, opened_at) VALUES
    (1, 'billing',  'ana',   'refunded',    '2026-03-01 09:00:00+00'),
    (2, 'billing',  'ana',   NULL,          '2026-03-01 10:00:00+00'),
    (3, 'billing',  'omar',  'explained',   '2026-03-02 11:00:00+00'),
    (4, 'billing',  'omar',  'refunded',    '2026-03-02 12:00:00+00'),
    (5, 'shipping', 'li',    'reshipped',   '2026-03-01 08:30:00+00'),
    (6, 'shipping', 'li',    NULL,          '2026-03-03 14:00:00+00'),
    (7, 'accounts', 'marta', 'reset',       '2026-03-04 07:45:00+00');
