-- expect: wrong_answer on lost-score
-- Ranks only the rows that have a score, so the join never reaches a voided player: their old rank stays.
UPDATE leaderboard AS l
SET rank = r.new_rank
FROM (
    SELECT season, player_id,
           rank() OVER (PARTITION BY season ORDER BY score DESC NULLS LAST) AS new_rank
    FROM leaderboard
    WHERE score IS NOT NULL
) AS r
WHERE r.season = l.season AND r.player_id = l.player_id;
