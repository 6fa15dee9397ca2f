INSERT INTO events (id, user_id, event_type) VALUES
    (1, NULL, 'login'),
    (2, NULL, 'login'),
    (3, 7,    NULL),
    (4, 7,    NULL),
    (5, NULL, NULL),
    (6, NULL, NULL),
    (7, 7,    'login');
