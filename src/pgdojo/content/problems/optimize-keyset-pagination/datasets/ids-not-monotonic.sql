-- Backfilled posts: new ids with old dates, and an old id re-dated into the future.
INSERT INTO posts (post_id, author_id, created_at, title, body) VALUES
    (110030, 3, '2025-08-02 22:00:00+00', 'Newer, higher id', '-'),
    (5,      3, '2025-08-02 23:00:00+00', 'Newer, tiny id (re-dated)', '-'),
    (110001, 3, '2025-08-02 21:27:00+00', 'The cursor row', '-'),
    (150000, 3, '2025-08-02 20:15:00+00', 'Backfilled A', '-'),
    (150001, 3, '2025-08-01 09:00:00+00', 'Backfilled B', '-'),
    (109000, 3, '2025-08-02 21:00:00+00', 'Older 1', '-'),
    (108000, 3, '2025-08-02 19:00:00+00', 'Older 2', '-'),
    (107000, 3, '2025-08-02 18:00:00+00', 'Older 3', '-'),
    (110500, 3, '2025-08-02 21:26:59+00', 'Backfilled C, one second older', '-');
