INSERT INTO leaderboard (season, player_id, score, rank) VALUES
    (9, 301, 1700, 1),
    (9, 302, NULL, NULL),
    (9, 303, 1650, 2),
    (9, 304, NULL, NULL),
    (9, 305,    0, 3),
    (9, 306, 1900, NULL);
