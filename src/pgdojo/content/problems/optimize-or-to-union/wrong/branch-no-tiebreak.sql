-- expect: wrong_answer on same-instant
-- mistake: limit-without-order
-- Each branch is cut by LIMIT 20 ordered by sent_at alone: among messages sent at the same instant, which 20 survive is up to the plan.
CREATE INDEX ON messages (sender_id, sent_at DESC);
CREATE INDEX ON messages (recipient_id, sent_at DESC);

SELECT message_id, sender_id, recipient_id, sent_at, subject
FROM (
    (SELECT message_id, sender_id, recipient_id, sent_at, subject
     FROM messages WHERE sender_id = 42
     ORDER BY sent_at DESC LIMIT 20)
    UNION ALL
    (SELECT message_id, sender_id, recipient_id, sent_at, subject
     FROM messages WHERE recipient_id = 42 AND sender_id IS DISTINCT FROM 42
     ORDER BY sent_at DESC LIMIT 20)
) AS conversation
ORDER BY sent_at DESC, message_id DESC
LIMIT 20;
