-- expect: wrong_answer on null-keys
-- mistake: correlated-subquery
-- The correlated max() compares with `=`, which is never true for NULL keys.
DELETE FROM events
WHERE id < (SELECT max(e2.id) FROM events AS e2
            WHERE e2.user_id = events.user_id AND e2.event_type = events.event_type);
