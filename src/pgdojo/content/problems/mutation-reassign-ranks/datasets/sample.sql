INSERT INTO leaderboard (season, player_id, score, rank) VALUES
    (7, 101, 1840, 2),
    (7, 102, 2210, 1),
    (7, 103, 1975, 3),
    (7, 104, 1500, 4),
    (7, 105, 1500, NULL),
    (7, 106, 2005, NULL);
