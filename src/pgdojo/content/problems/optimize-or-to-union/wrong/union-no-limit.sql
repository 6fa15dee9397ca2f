-- expect: too_slow on sample
-- UNION (which removes duplicates) of the two whole branches: both are read in full and deduplicated before the 20 newest are picked.
CREATE INDEX ON messages (sender_id, sent_at DESC, message_id DESC);
CREATE INDEX ON messages (recipient_id, sent_at DESC, message_id DESC);

SELECT message_id, sender_id, recipient_id, sent_at, subject
FROM (
    SELECT message_id, sender_id, recipient_id, sent_at, subject FROM messages WHERE sender_id = 42
    UNION
    SELECT message_id, sender_id, recipient_id, sent_at, subject FROM messages WHERE recipient_id = 42
) AS conversation
ORDER BY sent_at DESC, message_id DESC
LIMIT 20;
