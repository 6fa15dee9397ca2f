-- The mutual friends have the lowest and highest ids: 1 and 9 are friends of both 4 and 6.
INSERT INTO users (id, name, deactivated_at) VALUES
    (1, 'Gus', NULL), (4, 'Hana', NULL), (6, 'Ivo', NULL), (9, 'Jun', NULL), (7, 'Kai', NULL);
INSERT INTO friendships (user_a, user_b, since) VALUES
    (1, 4, '2025-01-01'), (1, 6, '2025-01-02'), (4, 9, '2025-01-03'), (6, 9, '2025-01-04'),
    (1, 7, '2025-01-05'), (7, 9, '2025-01-06');
