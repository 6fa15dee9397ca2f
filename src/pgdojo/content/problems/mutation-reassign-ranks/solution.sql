-- rank() gives tied scores the same rank and skips the following ranks (1, 2, 2, 4).
-- NULLS LAST keeps unscored players below everyone; the CASE then leaves them unranked.
UPDATE leaderboard AS l
SET rank = r.new_rank
FROM (
    SELECT season, player_id,
           CASE WHEN score IS NOT NULL
                THEN rank() OVER (PARTITION BY season ORDER BY score DESC NULLS LAST)
           END AS new_rank
    FROM leaderboard
) AS r
WHERE r.season = l.season
  AND r.player_id = l.player_id
  AND l.rank IS DISTINCT FROM r.new_rank;
