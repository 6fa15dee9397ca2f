-- expect: wrong_answer on unscored-players
-- mistake: desc-nulls-first
-- DESC sorts NULL scores first: the unscored players take the top ranks in the window and push everyone down.
UPDATE leaderboard AS l
SET rank = CASE WHEN l.score IS NULL THEN NULL ELSE r.new_rank END
FROM (
    SELECT season, player_id,
           rank() OVER (PARTITION BY season ORDER BY score DESC) AS new_rank
    FROM leaderboard
) AS r
WHERE r.season = l.season AND r.player_id = l.player_id;
