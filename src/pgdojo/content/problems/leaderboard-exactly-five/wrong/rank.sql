-- expect: wrong_answer on tie-at-fifth
-- mistake: rank-for-exact-n
-- rank() by score alone lets everyone tied at fifth place onto a board that must have five rows.
WITH best AS (
    SELECT DISTINCT ON (game, player_id) game, player_id, score, achieved_at
    FROM runs
    WHERE score IS NOT NULL
    ORDER BY game, player_id, score DESC, achieved_at
)
SELECT game, position, player_id, score, achieved_at
FROM (SELECT *, rank() OVER (PARTITION BY game ORDER BY score DESC) AS position FROM best) AS r
WHERE position <= 5
ORDER BY game, position, achieved_at, player_id;
