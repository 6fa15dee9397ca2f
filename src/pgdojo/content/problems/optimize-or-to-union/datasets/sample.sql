-- 150,000 messages between 5,000 users over two years, appended in time order (one every 7 min).
-- User 42 ran a busy support desk in the first year (about 3,000 messages), then moved on: only
-- 30 messages in the second year. One message in 50 is a notification (no sender).
-- Deterministic: no random().
INSERT INTO messages (message_id, sender_id, recipient_id, sent_at, subject, body)
SELECT i,
       CASE WHEN i % 50 = 3 THEN NULL                                  -- notifications
            WHEN i <= 75000 AND i % 50 = 7 THEN 42                     -- the desk, year one
            WHEN i > 75000 AND i % 5000 = 7 THEN 42                    -- year two
            ELSE 100 + (i * 7919) % 4900 END,
       CASE WHEN i <= 75000 AND i % 50 = 11 THEN 42
            WHEN i > 75000 AND i % 5000 = 2511 THEN 42
            WHEN i % 50 = 3 THEN 100 + (i * 31) % 4900
            ELSE 100 + (i * 1499) % 4900 END,
       timestamptz '2024-03-01 00:00:00+00' + i * interval '7 minutes',
       'Re: ticket ' || (i * 13) % 20011,
       'Hello, following up on the request from last week: the replacement part ships on '
           || 'Monday and the invoice is attached. Reply to this thread if anything is missing. #' || i
FROM generate_series(1, 150000) AS g(i);
CREATE INDEX messages_sender_idx ON messages (sender_id);
CREATE INDEX messages_recipient_idx ON messages (recipient_id);
