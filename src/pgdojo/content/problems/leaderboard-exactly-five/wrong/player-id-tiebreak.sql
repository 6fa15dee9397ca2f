-- expect: wrong_answer on earlier-achiever-wins
-- Breaks ties on player id instead of on who reached the score first.
WITH best AS (
    SELECT DISTINCT ON (game, player_id) game, player_id, score, achieved_at
    FROM runs
    WHERE score IS NOT NULL
    ORDER BY game, player_id, score DESC, achieved_at
)
SELECT game, position, player_id, score, achieved_at
FROM (SELECT *, row_number() OVER (PARTITION BY game ORDER BY score DESC, player_id) AS position
      FROM best) AS r
WHERE position <= 5
ORDER BY game, position;
