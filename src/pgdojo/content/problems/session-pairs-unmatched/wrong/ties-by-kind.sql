-- expect: wrong_answer on same-instant-handover
-- Breaks same-instant ties by kind ('login' sorts before 'logout') instead of by id.
SELECT user_id, id AS login_id, at AS login_at,
       CASE WHEN next_kind = 'logout' THEN next_at END AS logout_at,
       CASE WHEN next_kind = 'logout' THEN next_at - at END AS duration
FROM (SELECT id, user_id, kind, at,
             lead(kind) OVER w AS next_kind, lead(at) OVER w AS next_at
      FROM auth_events
      WINDOW w AS (PARTITION BY user_id ORDER BY at, kind)) AS e
WHERE kind = 'login';
