INSERT INTO requesters (requester_id, email, created_at) VALUES
    (1, 'ana@example.com',  '2024-02-01 10:00+00');

INSERT INTO tickets (ticket_id, requester_id, subject, status) VALUES
    (300, 1, 'Export to CSV', 'open');

INSERT INTO comments (comment_id, ticket_id, body) VALUES
    (3000, 300,  'On the roadmap for Q3.'),
    (3001, NULL, 'Template: thanks for your patience while we investigate.'),
    (3002, NULL, 'Template: we have issued a refund.'),
    (3003, 399,  'Merged into another ticket.');
