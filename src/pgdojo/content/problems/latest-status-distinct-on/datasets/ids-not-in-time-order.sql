-- Events replayed from a replica got new ids: a higher id is not always a later change.
INSERT INTO order_status_history (id, order_id, status, changed_at) VALUES
    (1,  4001, 'placed',    '2026-05-01 10:00:00+00'),
    (2,  4001, 'delivered', '2026-05-04 18:00:00+00'),
    (3,  4002, 'placed',    '2026-05-02 11:00:00+00'),
    (4,  4002, 'paid',      '2026-05-02 11:03:00+00'),
    (15, 4001, 'paid',      '2026-05-01 10:05:00+00'),
    (16, 4001, 'shipped',   '2026-05-02 09:00:00+00'),
    (17, 4002, 'cancelled', '2026-05-03 08:00:00+00');
