-- System notifications (no sender) to user 42, and to others.
INSERT INTO messages (message_id, sender_id, recipient_id, sent_at, subject, body) VALUES
    (1, NULL, 42, '2026-02-02 08:00:00+00', 'Password changed', '-'),
    (2, NULL, 42, '2026-02-02 09:00:00+00', 'New sign-in', '-'),
    (3, NULL, 9,  '2026-02-02 09:30:00+00', 'Welcome', '-'),
    (4, 9,    42, '2026-02-02 10:00:00+00', 'Lunch?', '-'),
    (5, 42,   9,  '2026-02-02 10:05:00+00', 'Sure', '-');
CREATE INDEX messages_sender_idx ON messages (sender_id);
CREATE INDEX messages_recipient_idx ON messages (recipient_id);
