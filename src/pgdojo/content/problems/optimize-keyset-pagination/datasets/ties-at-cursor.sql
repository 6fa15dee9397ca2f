-- Several posts share the cursor's created_at (a bulk import).
INSERT INTO posts (post_id, author_id, created_at, title, body) VALUES
    (110020, 7, '2025-08-02 21:41:00+00', 'Newer A', '-'),
    (110010, 7, '2025-08-02 21:34:00+00', 'Newer B', '-'),
    (110005, 7, '2025-08-02 21:27:00+00', 'Same instant, newer id', '-'),
    (110001, 7, '2025-08-02 21:27:00+00', 'The cursor row', '-'),
    (109990, 7, '2025-08-02 21:27:00+00', 'Same instant, older id 1', '-'),
    (109950, 7, '2025-08-02 21:27:00+00', 'Same instant, older id 2', '-');
INSERT INTO posts (post_id, author_id, created_at, title, body)
SELECT 109900 + i, 8, timestamptz '2025-08-02 20:00:00+00' + i * interval '1 minute',
       'Older ' || i, '-'
FROM generate_series(0, 24) AS g(i);
