INSERT INTO requesters (requester_id, email, created_at) VALUES
    (1, 'ana@example.com',  '2024-02-01 10:00+00'),
    (2, 'bo@example.com',   '2024-03-12 09:30+00');

INSERT INTO tickets (ticket_id, requester_id, subject, status) VALUES
    (400, 1, 'Password reset loop', NULL),
    (401, 2, NULL,                  NULL),
    (402, 2, 'Dark mode',           'open');

INSERT INTO comments (comment_id, ticket_id, body) VALUES
    (4000, 400, 'Looking into it.'),
    (4001, 401, 'Could you add a subject?'),
    (4002, 402, 'Planned.'),
    (4003, 450, 'Old thread.');
