-- Pending, solved and closed tickets of March are not open, and open tickets of other months
-- do not count.
INSERT INTO tickets (ticket_id, team_id, status, priority, created_at, subject, body) VALUES
    (1, 4, 'pending', 'normal', '2026-03-05 10:00:00+00', 's', 'b'),
    (2, 4, 'solved',  'normal', '2026-03-06 10:00:00+00', 's', 'b'),
    (3, 4, 'closed',  'normal', '2026-03-07 10:00:00+00', 's', 'b'),
    (4, 4, 'open',    'normal', '2026-03-08 10:00:00+00', 's', 'b'),
    (5, 5, 'open',    'low',    '2026-02-10 10:00:00+00', 's', 'b'),
    (6, 5, 'open',    'low',    '2026-05-10 10:00:00+00', 's', 'b'),
    (7, 6, 'pending', 'urgent', '2026-03-20 10:00:00+00', 's', 'b'),
    (8, 4, 'open',    'high',   '2026-03-09 10:00:00+00', 's', 'b');
