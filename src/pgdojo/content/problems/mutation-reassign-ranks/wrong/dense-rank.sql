-- expect: wrong_answer on ties
-- dense_rank() packs the ranks after a tie (1, 2, 2, 3) instead of skipping them.
UPDATE leaderboard AS l
SET rank = r.new_rank
FROM (
    SELECT season, player_id,
           CASE WHEN score IS NOT NULL
                THEN dense_rank() OVER (PARTITION BY season ORDER BY score DESC NULLS LAST)
           END AS new_rank
    FROM leaderboard
) AS r
WHERE r.season = l.season AND r.player_id = l.player_id;
