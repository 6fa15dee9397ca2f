INSERT INTO users (id, name, deactivated_at) VALUES
    (1, 'Pia', NULL), (2, 'Quin', '2026-01-01 00:00:00+00'), (3, 'Rui', NULL),
    (4, 'Sam', NULL), (5, 'Tea', '2026-02-01 00:00:00+00'), (6, 'Uma', NULL);
-- 1 and 4 share 2 (deactivated) and 3; 3 and 5 (deactivated) share 1 and 4.
INSERT INTO friendships (user_a, user_b, since) VALUES
    (1, 2, '2025-03-01'), (1, 3, '2025-03-02'), (2, 4, '2025-03-03'), (3, 4, '2025-03-04'),
    (1, 5, '2025-03-05'), (4, 5, '2025-03-06'), (4, 6, '2025-03-07');
