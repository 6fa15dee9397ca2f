-- A campaign email and a banner logged in the same request, stored with the higher id first.
INSERT INTO users (id, signed_up_at) VALUES
    (1, '2026-04-10 12:00:00+00'),
    (2, '2026-04-11 12:00:00+00');
INSERT INTO touches (id, user_id, channel, touched_at) VALUES
    (11, 1, 'banner',     '2026-04-01 09:00:00+00'),
    (10, 1, 'email',      '2026-04-01 09:00:00+00'),
    (12, 1, 'search-ad',  '2026-04-05 09:00:00+00'),
    (22, 2, 'affiliate',  '2026-04-02 09:00:00+00'),
    (21, 2, 'social',     '2026-04-02 09:00:00+00'),
    (20, 2, 'podcast',    '2026-04-02 09:00:00+00');
