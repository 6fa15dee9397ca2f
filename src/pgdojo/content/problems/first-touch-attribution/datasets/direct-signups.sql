INSERT INTO users (id, signed_up_at) VALUES
    (1, '2026-06-01 10:00:00+00'),
    (2, '2026-06-02 10:00:00+00'),
    (3, '2026-06-03 10:00:00+00');
INSERT INTO touches (id, user_id, channel, touched_at) VALUES
    (2, 3, 'social',     '2026-06-01 10:00:00+00');
