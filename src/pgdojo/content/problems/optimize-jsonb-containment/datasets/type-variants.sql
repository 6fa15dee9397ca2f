-- A legacy producer writes the type in other letter cases or with stray spaces.
INSERT INTO events (event_id, occurred_at, source, payload) VALUES
    (1, '2026-02-01 10:00+00', 'web',    '{"type": "refund", "order_id": "ORD-1", "amount": 10.50}'),
    (2, '2026-02-01 10:01+00', 'pos',    '{"type": "Refund", "order_id": "ORD-2", "amount": 20.00}'),
    (3, '2026-02-01 10:02+00', 'pos',    '{"type": "REFUND", "order_id": "ORD-3", "amount": 30.00}'),
    (4, '2026-02-01 10:03+00', 'mobile', '{"type": "refund ", "order_id": "ORD-4", "amount": 40.00}'),
    (5, '2026-02-01 10:04+00', 'web',    '{"type": "refund", "order_id": "ORD-5", "amount": 5}'),
    (6, '2026-02-01 10:05+00', 'web',    '{"type": "order_created", "order_id": "ORD-6", "amount": 60.00}');
