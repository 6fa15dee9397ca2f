INSERT INTO events (id, user_id, event_type) VALUES
    (50, 9, 'click'),
    (12, 9, 'click'),
    (99, 9, 'click'),
    (31, 9, 'click'),
    (7,  8, 'click'),
    (70, 8, 'click');
