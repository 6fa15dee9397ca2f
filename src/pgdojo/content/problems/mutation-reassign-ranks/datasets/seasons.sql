INSERT INTO leaderboard (season, player_id, score, rank) VALUES
    (11, 501, 2600, NULL),
    (11, 502, 2300, NULL),
    (11, 503, 2300, NULL),
    (12, 501, 1400, NULL),
    (12, 504, 1900, NULL),
    (12, 505, 2450, NULL);
