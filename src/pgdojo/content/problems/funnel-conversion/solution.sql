WITH view_step AS (
    SELECT user_id, min(ts) AS reached_at
    FROM events
    WHERE event_type = 'view'
    GROUP BY user_id
),
cart_step AS (
    SELECT e.user_id, min(e.ts) AS reached_at
    FROM events AS e
    JOIN view_step AS prev ON prev.user_id = e.user_id AND e.ts > prev.reached_at
    WHERE e.event_type = 'cart'
    GROUP BY e.user_id
),
checkout_step AS (
    SELECT e.user_id, min(e.ts) AS reached_at
    FROM events AS e
    JOIN cart_step AS prev ON prev.user_id = e.user_id AND e.ts > prev.reached_at
    WHERE e.event_type = 'checkout'
    GROUP BY e.user_id
),
purchase_step AS (
    SELECT e.user_id, min(e.ts) AS reached_at
    FROM events AS e
    JOIN checkout_step AS prev ON prev.user_id = e.user_id AND e.ts > prev.reached_at
    WHERE e.event_type = 'purchase'
    GROUP BY e.user_id
)
SELECT 1 AS step_no, 'view' AS step, (SELECT count(*) FROM view_step) AS users
UNION ALL
SELECT 2, 'cart', (SELECT count(*) FROM cart_step)
UNION ALL
SELECT 3, 'checkout', (SELECT count(*) FROM checkout_step)
UNION ALL
SELECT 4, 'purchase', (SELECT count(*) FROM purchase_step)
ORDER BY step_no;
