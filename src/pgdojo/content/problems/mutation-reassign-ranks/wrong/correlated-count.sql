-- expect: wrong_answer on lost-score
-- mistake: correlated-subquery
-- Counts the better players with a correlated subquery per row (quadratic), and forgets to clear the rank of unscored players.
UPDATE leaderboard AS l
SET rank = 1 + (SELECT count(*) FROM leaderboard AS b
                WHERE b.season = l.season AND b.score > l.score)
WHERE l.score IS NOT NULL;
