-- expect: wrong_answer on crashed-sessions
-- mistake: correlated-subquery
-- Looks up "the first logout after this login" per row: a crashed session steals the next session's logout.
SELECT e.user_id, e.id AS login_id, e.at AS login_at,
       (SELECT min(o.at) FROM auth_events AS o
        WHERE o.user_id = e.user_id AND o.kind = 'logout' AND o.at > e.at) AS logout_at,
       (SELECT min(o.at) FROM auth_events AS o
        WHERE o.user_id = e.user_id AND o.kind = 'logout' AND o.at > e.at) - e.at AS duration
FROM auth_events AS e
WHERE e.kind = 'login';
