WITH best AS (
    SELECT DISTINCT ON (game, player_id) game, player_id, score, achieved_at
    FROM runs
    WHERE score IS NOT NULL
    ORDER BY game, player_id, score DESC, achieved_at
),
ranked AS (
    SELECT game, player_id, score, achieved_at,
           row_number() OVER (PARTITION BY game ORDER BY score DESC, achieved_at, player_id)
               AS position
    FROM best
)
SELECT game, position, player_id, score, achieved_at
FROM ranked
WHERE position <= 5
ORDER BY game, position;
