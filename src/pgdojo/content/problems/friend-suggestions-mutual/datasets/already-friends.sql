INSERT INTO users (id, name, deactivated_at) VALUES
    (1, 'Lea', NULL), (2, 'Max', NULL), (3, 'Nia', NULL), (4, 'Oli', NULL);
-- A tight group: everyone already knows everyone except 1 and 4.
INSERT INTO friendships (user_a, user_b, since) VALUES
    (1, 2, '2025-02-01'), (1, 3, '2025-02-02'), (2, 3, '2025-02-03'),
    (2, 4, '2025-02-04'), (3, 4, '2025-02-05');
