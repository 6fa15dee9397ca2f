-- expect: wrong_answer on duplicate-logouts
-- Pairs the n-th login with the n-th logout: one extra logout shifts every later session.
WITH logins AS (
    SELECT id, user_id, at, row_number() OVER (PARTITION BY user_id ORDER BY at, id) AS n
    FROM auth_events WHERE kind = 'login'
),
logouts AS (
    SELECT user_id, at, row_number() OVER (PARTITION BY user_id ORDER BY at, id) AS n
    FROM auth_events WHERE kind = 'logout'
)
SELECT l.user_id, l.id AS login_id, l.at AS login_at,
       o.at AS logout_at, o.at - l.at AS duration
FROM logins AS l
LEFT JOIN logouts AS o ON o.user_id = l.user_id AND o.n = l.n;
