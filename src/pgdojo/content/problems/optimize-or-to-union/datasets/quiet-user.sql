-- Fewer than 20 messages involve user 42.
INSERT INTO messages (message_id, sender_id, recipient_id, sent_at, subject, body) VALUES
    (1, 42, 3,  '2025-05-01 10:00:00+00', 'Hi', '-'),
    (2, 3,  42, '2025-05-02 10:00:00+00', 'Hello', '-'),
    (3, 3,  4,  '2025-05-03 10:00:00+00', 'Not for 42', '-'),
    (4, 420, 4, '2025-05-04 10:00:00+00', 'Not 42 either', '-');
CREATE INDEX messages_sender_idx ON messages (sender_id);
CREATE INDEX messages_recipient_idx ON messages (recipient_id);
