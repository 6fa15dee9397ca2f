-- A batch job wrote several transitions in one transaction: same changed_at.
INSERT INTO order_status_history (id, order_id, status, changed_at) VALUES
    (1, 2001, 'placed',   '2026-04-01 09:00:00+00'),
    (2, 2001, 'paid',     '2026-04-01 12:00:00+00'),
    (3, 2001, 'packed',   '2026-04-01 12:00:00+00'),
    (4, 2001, 'shipped',  '2026-04-01 12:00:00+00'),
    (5, 2002, 'placed',   '2026-04-02 08:00:00+00'),
    (6, 2002, 'paid',     '2026-04-02 08:30:00+00'),
    (7, 2003, 'placed',   '2026-04-02 09:00:00+00'),
    (8, 2003, 'refunded', '2026-04-02 09:00:00+00');
