INSERT INTO users (id, signed_up_at) VALUES
    (1, '2026-07-01 10:00:00+00'),
    (2, '2026-07-05 10:00:00+00');
INSERT INTO touches (id, user_id, channel, touched_at) VALUES
    (1, 2, 'podcast',   '2026-06-01 10:00:00+00'),
    (2, 1, 'search-ad', '2026-06-20 10:00:00+00'),
    (3, 2, 'social',    '2026-06-25 10:00:00+00');
