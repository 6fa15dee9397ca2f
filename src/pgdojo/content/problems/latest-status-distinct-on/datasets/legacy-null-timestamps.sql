-- Rows migrated from the legacy system have no timestamp.
INSERT INTO order_status_history (id, order_id, status, changed_at) VALUES
    (1, 3001, 'placed',    NULL),
    (2, 3001, 'paid',      NULL),
    (3, 3001, 'shipped',   '2026-01-10 10:00:00+00'),
    (4, 3002, 'placed',    NULL),
    (5, 3002, 'cancelled', NULL),
    (6, 3003, 'placed',    '2026-01-11 09:00:00+00'),
    (7, 3003, 'paid',      '2026-01-11 09:10:00+00'),
    (8, 3004, 'placed',    NULL),
    (9, 3004, 'paid',      '2026-01-12 15:00:00+00'),
    (10, 3004, 'on_hold',  NULL);
