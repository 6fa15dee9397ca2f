-- expect: wrong_answer on mutual-friend-any-id
-- Follows each stored pair only from user_a to user_b, so paths through a lower or higher id are missed.
SELECT f1.user_a AS user_id, f2.user_b AS suggested_id, count(*) AS mutual_friends
FROM friendships AS f1
JOIN friendships AS f2 ON f2.user_a = f1.user_b
JOIN users AS x ON x.id = f1.user_a AND x.deactivated_at IS NULL
JOIN users AS y ON y.id = f2.user_b AND y.deactivated_at IS NULL
WHERE NOT EXISTS (SELECT 1 FROM friendships AS fr
                  WHERE fr.user_a = f1.user_a AND fr.user_b = f2.user_b)
GROUP BY f1.user_a, f2.user_b
HAVING count(*) >= 2;
