-- expect: wrong_answer on skipped-steps
-- Counts users per event type, ignoring whether the earlier steps happened (and in which order).
SELECT s.step_no, s.step, count(DISTINCT e.user_id) AS users
FROM (VALUES (1, 'view'), (2, 'cart'), (3, 'checkout'), (4, 'purchase')) AS s (step_no, step)
LEFT JOIN events AS e ON e.event_type = s.step
GROUP BY s.step_no, s.step
ORDER BY s.step_no;
