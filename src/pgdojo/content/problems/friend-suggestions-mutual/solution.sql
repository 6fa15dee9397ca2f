WITH f (u, v) AS (
    SELECT user_a, user_b FROM friendships
  UNION ALL
    SELECT user_b, user_a FROM friendships
)
SELECT f1.u AS user_id, f2.v AS suggested_id, count(*) AS mutual_friends
FROM f AS f1
JOIN f AS f2 ON f2.u = f1.v
JOIN users AS x ON x.id = f1.u AND x.deactivated_at IS NULL
JOIN users AS y ON y.id = f2.v AND y.deactivated_at IS NULL
WHERE f1.u < f2.v
  AND NOT EXISTS (
      SELECT 1 FROM friendships AS fr
      WHERE fr.user_a = f1.u AND fr.user_b = f2.v
  )
GROUP BY f1.u, f2.v
HAVING count(*) >= 2;
