INSERT INTO leaderboard (season, player_id, score, rank) VALUES
    (8, 201, 3000, 1),
    (8, 202, 3000, 2),
    (8, 203, 2500, 3),
    (8, 204, 2500, 4),
    (8, 205, 2500, 5),
    (8, 206, 1200, 6),
    (8, 207,    0, 7);
