-- expect: wrong_answer on same-instant-touches
-- mistake: limit-without-order
-- ORDER BY touched_at alone does not decide between touches at the same instant; LIMIT 1 keeps whichever comes first.
SELECT u.id AS user_id, coalesce(f.channel, 'direct') AS channel, f.touched_at
FROM users AS u
LEFT JOIN LATERAL (
    SELECT t.channel, t.touched_at
    FROM touches AS t
    WHERE t.user_id = u.id AND t.touched_at <= u.signed_up_at
    ORDER BY t.touched_at
    LIMIT 1
) AS f ON true;
