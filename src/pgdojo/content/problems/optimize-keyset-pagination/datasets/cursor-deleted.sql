-- The post the user saw last has been deleted since; the next page must still follow it.
INSERT INTO posts (post_id, author_id, created_at, title, body) VALUES
    (110002, 6, '2025-08-02 21:27:00+00', 'Same instant, higher id', '-'),
    (110000, 6, '2025-08-02 21:27:00+00', 'Same instant, lower id', '-'),
    (109999, 6, '2025-08-02 21:20:00+00', 'Older 1', '-'),
    (109998, 6, '2025-08-02 21:20:00+00', 'Older 2', '-'),
    (109997, 6, '2025-08-02 21:13:00+00', 'Older 3', '-'),
    (110009, 6, '2025-08-02 21:55:00+00', 'Newer', '-');
