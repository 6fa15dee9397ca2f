INSERT INTO events (id, user_id, event_type) VALUES
    (1, 100, 'login'),
    (2, 100, 'purchase'),
    (3, 200, 'login'),
    (4, 100, 'login'),
    (5, 200, 'logout'),
    (6, 300, 'view'),
    (7, 300, 'view');
