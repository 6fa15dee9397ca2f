INSERT INTO requesters (requester_id, email, created_at) VALUES
    (1, 'ana@example.com',  '2024-02-01 10:00+00'),
    (2, 'bo@example.com',   '2024-03-12 09:30+00'),
    (3, 'cy@example.com',   '2024-05-20 16:45+00');

INSERT INTO tickets (ticket_id, requester_id, subject, status) VALUES
    (200, 1,    'Refund please',         'open'),
    (201, NULL, 'Your site is down',     'solved'),
    (202, NULL, 'Question about prices', 'open');

INSERT INTO comments (comment_id, ticket_id, body) VALUES
    (2000, 200, 'Refund issued.'),
    (2001, 201, 'Fixed, thanks for the report.');
