INSERT INTO events (id, user_id, event_type) VALUES
    (1, 1, 'a'),
    (2, 1, 'b'),
    (3, 2, 'a');
