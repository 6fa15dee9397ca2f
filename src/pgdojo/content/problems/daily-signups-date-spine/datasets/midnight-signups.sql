INSERT INTO users (id, email, created_at) VALUES
    (1, 'a@example.com', '2026-03-01 12:00:00+00'),
    (2, 'b@example.com', '2026-03-02 00:00:00+00'),
    (3, 'c@example.com', '2026-03-02 12:00:00+00'),
    (4, 'd@example.com', '2026-03-03 12:00:00+00'),
    (5, 'e@example.com', '2026-03-04 00:00:00+00'),
    (6, 'f@example.com', '2026-03-04 00:00:00+00'),
    (7, 'g@example.com', '2026-03-05 12:00:00+00'),
    (8, 'h@example.com', '2026-03-06 12:00:00+00'),
    (9, 'i@example.com', '2026-03-07 12:00:00+00');
