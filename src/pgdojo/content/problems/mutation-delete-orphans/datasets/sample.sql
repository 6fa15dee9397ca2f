INSERT INTO requesters (requester_id, email, created_at) VALUES
    (1, 'ana@example.com',  '2024-02-01 10:00+00'),
    (2, 'bo@example.com',   '2024-03-12 09:30+00'),
    (3, 'cy@example.com',   '2024-05-20 16:45+00'),
    (4, 'dee@example.com',  '2024-06-02 08:10+00');

INSERT INTO tickets (ticket_id, requester_id, subject, status) VALUES
    (100, 1, 'Cannot log in',        'open'),
    (101, 1, 'Invoice is wrong',     'solved'),
    (102, 3, 'Feature request: SSO', 'pending');

INSERT INTO comments (comment_id, ticket_id, body) VALUES
    (1000, 100, 'Have you tried resetting your password?'),
    (1001, 100, 'Yes, still failing.'),
    (1002, 101, 'Corrected invoice attached.'),
    (1003, 105, 'Closing as duplicate.'),
    (1004, 107, 'Escalated to billing.');
