INSERT INTO users (id, name, deactivated_at) VALUES
    (1, 'Ama', NULL), (2, 'Ben', NULL), (3, 'Cleo', NULL), (4, 'Dan', NULL),
    (5, 'Eva', NULL), (6, 'Finn', NULL), (7, 'Gia', NULL);
-- 1 and 4 share friends 2 and 3; 4 and 7 share friends 5 and 6.
INSERT INTO friendships (user_a, user_b, since) VALUES
    (1, 2, '2025-01-10'), (1, 3, '2025-02-11'), (2, 3, '2025-02-20'), (2, 4, '2025-03-12'),
    (3, 4, '2025-04-13'), (4, 5, '2025-05-14'), (4, 6, '2025-06-15'), (5, 6, '2025-06-20'),
    (5, 7, '2025-07-16'), (6, 7, '2025-07-17');
