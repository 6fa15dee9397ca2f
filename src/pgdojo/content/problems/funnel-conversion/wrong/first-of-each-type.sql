-- expect: wrong_answer on repeated-steps
-- Compares only the first occurrence of each step: a later, correctly ordered repeat is ignored.
WITH firsts AS (
    SELECT user_id,
           min(ts) FILTER (WHERE event_type = 'view')     AS v,
           min(ts) FILTER (WHERE event_type = 'cart')     AS c,
           min(ts) FILTER (WHERE event_type = 'checkout') AS k,
           min(ts) FILTER (WHERE event_type = 'purchase') AS p
    FROM events
    GROUP BY user_id
)
SELECT 1 AS step_no, 'view' AS step, count(*) FILTER (WHERE v IS NOT NULL) AS users FROM firsts
UNION ALL
SELECT 2, 'cart', count(*) FILTER (WHERE c > v) FROM firsts
UNION ALL
SELECT 3, 'checkout', count(*) FILTER (WHERE c > v AND k > c) FROM firsts
UNION ALL
SELECT 4, 'purchase', count(*) FILTER (WHERE c > v AND k > c AND p > k) FROM firsts
ORDER BY step_no;
