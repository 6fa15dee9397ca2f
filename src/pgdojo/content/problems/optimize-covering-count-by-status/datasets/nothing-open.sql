-- Every ticket of March has been handled.
INSERT INTO tickets (ticket_id, team_id, status, priority, created_at, subject, body) VALUES
    (1, 7, 'closed', 'normal', '2026-03-02 10:00:00+00', 's', 'b'),
    (2, 8, 'solved', 'normal', '2026-03-03 10:00:00+00', 's', 'b'),
    (3, 8, 'open',   'normal', '2026-04-03 10:00:00+00', 's', 'b');
