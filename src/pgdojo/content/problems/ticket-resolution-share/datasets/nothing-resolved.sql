INSERT INTO tickets (id, team, assignee, resolution, opened_at) VALUES
    (1, 'onboarding', 'kai', NULL,     '2026-07-01 09:00:00+00'),
    (2, 'onboarding', 'kai', NULL,     '2026-07-01 10:00:00+00'),
    (3, 'security',   'ren', 'closed', '2026-07-01 11:00:00+00');
