-- A broadcast: 30 messages sent by 42 at the same instant, stored lowest id first, and replies.
INSERT INTO messages (message_id, sender_id, recipient_id, sent_at, subject, body)
SELECT 1000 + i, 42, 500 + i, '2026-02-03 09:00:00+00', 'Maintenance tonight', '-'
FROM generate_series(1, 30) AS g(i);
INSERT INTO messages (message_id, sender_id, recipient_id, sent_at, subject, body) VALUES
    (900, 501, 42, '2026-02-03 09:00:00+00', 'Re: Maintenance tonight', '-'),
    (901, 502, 42, '2026-02-03 08:00:00+00', 'Earlier question', '-');
CREATE INDEX messages_sender_idx ON messages (sender_id);
CREATE INDEX messages_recipient_idx ON messages (recipient_id);
