INSERT INTO users (id, name, deactivated_at) VALUES
    (1, 'Vic', NULL), (2, 'Wes', NULL), (3, 'Xan', NULL), (4, 'Yara', NULL), (5, 'Zed', NULL);
INSERT INTO friendships (user_a, user_b, since) VALUES
    (1, 2, '2025-04-01'), (2, 3, '2025-04-02'), (3, 4, '2025-04-03'), (4, 5, '2025-04-04');
