-- Open tickets at the first instant of March, the first instant of April, and a microsecond
-- either side; one written with a non-UTC offset.
INSERT INTO tickets (ticket_id, team_id, status, priority, created_at, subject, body) VALUES
    (1, 1, 'open', 'normal', '2026-03-01 00:00:00+00',        's', 'b'),
    (2, 1, 'open', 'normal', '2026-02-28 23:59:59.999999+00', 's', 'b'),
    (3, 2, 'open', 'normal', '2026-03-31 23:59:59.999999+00', 's', 'b'),
    (4, 2, 'open', 'normal', '2026-04-01 00:00:00+00',        's', 'b'),
    (5, 3, 'open', 'high',   '2026-03-31 22:30:00-03',        's', 'b'),
    (6, 3, 'open', 'high',   '2026-03-31 20:30:00-03',        's', 'b');
