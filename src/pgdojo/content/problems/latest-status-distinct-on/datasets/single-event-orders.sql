INSERT INTO order_status_history (id, order_id, status, changed_at) VALUES
    (1, 5001, 'placed',  '2026-06-01 12:00:00+00'),
    (2, 5002, 'placed',  NULL),
    (3, 5003, 'placed',  '2026-06-01 12:30:00+00'),
    (4, 5003, 'paid',    '2026-06-01 12:31:00+00');
