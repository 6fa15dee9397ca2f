SELECT message_id, sender_id, recipient_id, sent_at, subject
FROM messages
WHERE sender_id = 42 OR recipient_id = 42
ORDER BY sent_at DESC, message_id DESC
LIMIT 20;
