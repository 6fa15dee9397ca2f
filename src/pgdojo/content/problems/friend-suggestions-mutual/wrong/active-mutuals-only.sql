-- expect: wrong_answer on deactivated-accounts
-- Filters deactivated accounts everywhere, so a deactivated mutual friend no longer counts.
WITH active AS (SELECT id FROM users WHERE deactivated_at IS NULL),
f (u, v) AS (
    SELECT user_a, user_b FROM friendships
    WHERE user_a IN (SELECT id FROM active) AND user_b IN (SELECT id FROM active)
  UNION ALL
    SELECT user_b, user_a FROM friendships
    WHERE user_a IN (SELECT id FROM active) AND user_b IN (SELECT id FROM active)
)
SELECT f1.u AS user_id, f2.v AS suggested_id, count(*) AS mutual_friends
FROM f AS f1
JOIN f AS f2 ON f2.u = f1.v
WHERE f1.u < f2.v
  AND NOT EXISTS (SELECT 1 FROM friendships AS fr WHERE fr.user_a = f1.u AND fr.user_b = f2.v)
GROUP BY f1.u, f2.v
HAVING count(*) >= 2;
