-- expect: wrong_answer on touches-after-signup
-- Takes the user's first touch ever, even one that happened after they signed up.
SELECT DISTINCT ON (u.id) u.id AS user_id,
       coalesce(t.channel, 'direct') AS channel, t.touched_at
FROM users AS u
LEFT JOIN touches AS t ON t.user_id = u.id
ORDER BY u.id, t.touched_at, t.id;
