-- Notes to self: user 42 is both the sender and the recipient.
INSERT INTO messages (message_id, sender_id, recipient_id, sent_at, subject, body) VALUES
    (1, 42, 42,  '2026-02-01 10:00:00+00', 'reminder: renew cert', '-'),
    (2, 42, 42,  '2026-02-01 11:00:00+00', 'reminder: call Sam', '-'),
    (3, 42, 7,   '2026-02-01 12:00:00+00', 'Re: invoice', '-'),
    (4, 7,  42,  '2026-02-01 13:00:00+00', 'Re: Re: invoice', '-'),
    (5, 7,  8,   '2026-02-01 14:00:00+00', 'unrelated', '-');
CREATE INDEX messages_sender_idx ON messages (sender_id);
CREATE INDEX messages_recipient_idx ON messages (recipient_id);
