INSERT INTO users (id, email, created_at) VALUES
    (1, 'a@example.com', '2026-02-28 23:59:59.999+00'),
    (2, 'b@example.com', '2026-03-01 00:00:00+00'),
    (3, 'c@example.com', '2026-03-02 08:00:00+00'),
    (4, 'd@example.com', '2026-03-03 08:00:00+00'),
    (5, 'e@example.com', '2026-03-04 08:00:00+00'),
    (6, 'f@example.com', '2026-03-05 08:00:00+00'),
    (7, 'g@example.com', '2026-03-06 08:00:00+00'),
    (8, 'h@example.com', '2026-03-07 23:59:59+00'),
    (9, 'i@example.com', '2026-03-08 00:00:00+00'),
    (10, 'j@example.com', '2026-04-01 10:00:00+00');
