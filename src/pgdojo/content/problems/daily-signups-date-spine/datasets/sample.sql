INSERT INTO users (id, email, created_at) VALUES
    (1,  'ada@example.com',   '2026-03-01 08:15:00+00'),
    (2,  'bo@example.com',    '2026-03-01 21:40:00+00'),
    (3,  'cy@example.com',    '2026-03-02 10:05:00+00'),
    (4,  'di@example.com',    '2026-03-03 13:30:00+00'),
    (5,  'ed@example.com',    '2026-03-03 14:00:00+00'),
    (6,  'fay@example.com',   '2026-03-03 19:20:00+00'),
    (7,  'gus@example.com',   '2026-03-04 07:50:00+00'),
    (8,  'hal@example.com',   '2026-03-05 11:11:00+00'),
    (9,  'ivy@example.com',   '2026-03-06 16:00:00+00'),
    (10, 'jo@example.com',    '2026-03-07 09:45:00+00'),
    (11, 'kim@example.com',   '2026-03-07 22:10:00+00');
