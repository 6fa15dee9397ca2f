-- expect: too_slow on sample
-- The right indexes, but the OR kept: the planner ORs two bitmaps, fetches every message of the user and sorts them to keep 20.
CREATE INDEX ON messages (sender_id, sent_at DESC, message_id DESC);
CREATE INDEX ON messages (recipient_id, sent_at DESC, message_id DESC);

SELECT message_id, sender_id, recipient_id, sent_at, subject
FROM messages
WHERE sender_id = 42 OR recipient_id = 42
ORDER BY sent_at DESC, message_id DESC
LIMIT 20;
