-- The cursor is near the end of the feed: fewer than 20 posts remain.
INSERT INTO posts (post_id, author_id, created_at, title, body) VALUES
    (110003, 4, '2025-08-02 21:40:00+00', 'Newer', '-'),
    (110001, 4, '2025-08-02 21:27:00+00', 'The cursor row', '-'),
    (90000,  4, '2025-07-01 10:00:00+00', 'Old 1', '-'),
    (80000,  4, '2025-06-01 10:00:00+00', 'Old 2', '-'),
    (70000,  4, '2025-05-01 10:00:00+00', 'Old 3', '-');
