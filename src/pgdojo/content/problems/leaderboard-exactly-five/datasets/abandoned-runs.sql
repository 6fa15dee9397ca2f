INSERT INTO runs (id, game, player_id, score, achieved_at) VALUES
    (1, 'pacman', 1, NULL, '2026-06-01 10:00:00+00'),
    (2, 'pacman', 2, 1200, '2026-06-01 10:05:00+00'),
    (3, 'pacman', 3, NULL, '2026-06-01 10:10:00+00'),
    (4, 'pacman', 3,  600, '2026-06-01 10:15:00+00'),
    (5, 'pacman', 4, NULL, '2026-06-01 10:20:00+00'),
    (6, 'digdug', 9, NULL, '2026-06-02 10:00:00+00');
