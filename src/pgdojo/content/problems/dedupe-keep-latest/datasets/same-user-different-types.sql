INSERT INTO events (id, user_id, event_type) VALUES
    (1, 5, 'login'),
    (2, 5, 'view'),
    (3, 5, 'purchase'),
    (4, 5, 'view'),
    (5, 5, 'logout');
