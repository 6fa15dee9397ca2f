INSERT INTO users (id, email, created_at) VALUES
    (1, 'a@example.com', '2026-03-01 09:00:00+00'),
    (2, 'b@example.com', '2026-03-04 12:00:00+00'),
    (3, 'c@example.com', '2026-03-04 13:00:00+00'),
    (4, 'd@example.com', '2026-03-07 18:00:00+00');
