-- expect: too_slow on sample
-- An index on the sort key, OR kept: the scan walks back through everybody's messages until it has met 20 of this user's, which takes months for a user who went quiet.
CREATE INDEX ON messages (sent_at DESC, message_id DESC);

SELECT message_id, sender_id, recipient_id, sent_at, subject
FROM messages
WHERE sender_id = 42 OR recipient_id = 42
ORDER BY sent_at DESC, message_id DESC
LIMIT 20;
