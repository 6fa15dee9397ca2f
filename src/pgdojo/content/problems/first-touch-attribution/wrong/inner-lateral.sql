-- expect: wrong_answer on direct-signups
-- CROSS JOIN LATERAL drops the users the subquery finds nothing for, so direct signups vanish.
SELECT u.id AS user_id, f.channel, f.touched_at
FROM users AS u
CROSS JOIN LATERAL (
    SELECT t.channel, t.touched_at
    FROM touches AS t
    WHERE t.user_id = u.id AND t.touched_at <= u.signed_up_at
    ORDER BY t.touched_at, t.id
    LIMIT 1
) AS f;
