-- Two scores were voided by the anti-cheat review since the last run.
INSERT INTO leaderboard (season, player_id, score, rank) VALUES
    (10, 401, 2400, 2),
    (10, 402, NULL, 1),
    (10, 403, 2100, 3),
    (10, 404, NULL, 4),
    (10, 405, 1800, 5);
