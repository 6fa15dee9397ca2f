INSERT INTO users (id, signed_up_at) VALUES
    (1, '2026-03-10 12:00:00+00'),
    (2, '2026-03-11 09:30:00+00'),
    (3, '2026-03-12 18:00:00+00');
INSERT INTO touches (id, user_id, channel, touched_at) VALUES
    (1, 1, 'newsletter', '2026-03-01 08:00:00+00'),
    (2, 1, 'search-ad',  '2026-03-08 14:00:00+00'),
    (3, 2, 'podcast',    '2026-03-11 07:00:00+00'),
    (4, 2, 'referral',   '2026-03-02 10:00:00+00'),
    (5, 3, 'social',     '2026-03-12 17:59:00+00');
