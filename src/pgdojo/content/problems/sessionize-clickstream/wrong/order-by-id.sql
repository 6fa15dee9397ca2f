-- expect: wrong_answer on ids-out-of-order
-- Orders each user's clicks by id, assuming ids follow time; late uploads break that.
WITH gaps AS (
    SELECT user_id, id, ts,
           CASE WHEN ts - lag(ts) OVER (PARTITION BY user_id ORDER BY id) <= INTERVAL '30 minutes'
                THEN 0 ELSE 1 END AS starts_session
    FROM clicks
), numbered AS (
    SELECT user_id, ts,
           sum(starts_session) OVER (PARTITION BY user_id ORDER BY id
                                     ROWS UNBOUNDED PRECEDING) AS session_no
    FROM gaps
)
SELECT user_id, session_no, min(ts) AS session_start, max(ts) AS session_end, count(*) AS clicks
FROM numbered
GROUP BY user_id, session_no
ORDER BY user_id, session_no;
