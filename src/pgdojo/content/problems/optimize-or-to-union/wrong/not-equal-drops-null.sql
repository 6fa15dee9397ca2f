-- expect: wrong_answer on system-messages
-- Excludes notes to self with sender_id <> 42: for a system notification sender_id is NULL, the comparison is NULL, and the notification is dropped.
CREATE INDEX ON messages (sender_id, sent_at DESC, message_id DESC);
CREATE INDEX ON messages (recipient_id, sent_at DESC, message_id DESC);

SELECT message_id, sender_id, recipient_id, sent_at, subject
FROM (
    (SELECT message_id, sender_id, recipient_id, sent_at, subject
     FROM messages WHERE sender_id = 42
     ORDER BY sent_at DESC, message_id DESC LIMIT 20)
    UNION ALL
    (SELECT message_id, sender_id, recipient_id, sent_at, subject
     FROM messages WHERE recipient_id = 42 AND sender_id <> 42
     ORDER BY sent_at DESC, message_id DESC LIMIT 20)
) AS conversation
ORDER BY sent_at DESC, message_id DESC
LIMIT 20;
