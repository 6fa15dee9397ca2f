INSERT INTO events (event_id, occurred_at, source, payload) VALUES
    (1, '2026-02-04 10:00+00', 'web', '{"type": "order_created", "order_id": "ORD-1", "amount": 10.00}'),
    (2, '2026-02-04 10:01+00', 'web', '{"type": "payment_captured", "order_id": "ORD-1", "amount": 10.00}'),
    (3, '2026-02-04 10:02+00', 'web', '{"type": "refund_requested", "order_id": "ORD-1"}');
