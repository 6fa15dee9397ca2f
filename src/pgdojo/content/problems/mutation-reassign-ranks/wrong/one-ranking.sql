-- expect: wrong_answer on seasons
-- Without PARTITION BY season, all seasons are ranked together.
UPDATE leaderboard AS l
SET rank = r.new_rank
FROM (
    SELECT season, player_id,
           CASE WHEN score IS NOT NULL
                THEN rank() OVER (ORDER BY score DESC NULLS LAST)
           END AS new_rank
    FROM leaderboard
) AS r
WHERE r.season = l.season AND r.player_id = l.player_id;
