-- expect: wrong_answer on repeat-players
-- Ranks runs instead of players: a player with several good runs takes several places.
SELECT game, position, player_id, score, achieved_at
FROM (SELECT game, player_id, score, achieved_at,
             row_number() OVER (PARTITION BY game ORDER BY score DESC, achieved_at, player_id)
                 AS position
      FROM runs
      WHERE score IS NOT NULL) AS r
WHERE position <= 5
ORDER BY game, position;
