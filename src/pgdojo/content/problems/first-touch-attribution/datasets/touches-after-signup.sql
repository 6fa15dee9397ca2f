INSERT INTO users (id, signed_up_at) VALUES
    (1, '2026-05-10 12:00:00+00'),
    (2, '2026-05-10 12:00:00+00');
INSERT INTO touches (id, user_id, channel, touched_at) VALUES
    (1, 1, 'retargeting', '2026-05-11 09:00:00+00'),
    (3, 2, 'search-ad',   '2026-05-10 12:00:00+00'),
    (4, 2, 'retargeting', '2026-05-20 12:00:00+00');
