-- Some producers send a list of types, and one sends whole arrays of events.
INSERT INTO events (event_id, occurred_at, source, payload) VALUES
    (1, '2026-02-02 10:00+00', 'web',    '{"type": "refund", "order_id": "ORD-1", "amount": 10.00}'),
    (2, '2026-02-02 10:01+00', 'web',    '{"type": ["refund", "chargeback"], "order_id": "ORD-2", "amount": 20.00}'),
    (3, '2026-02-02 10:02+00', 'mobile', '[{"type": "refund", "order_id": "ORD-3", "amount": 30.00}]'),
    (4, '2026-02-02 10:03+00', 'pos',    '{"type": ["chargeback"], "order_id": "ORD-4", "amount": 40.00}'),
    (5, '2026-02-02 10:04+00', 'pos',    '{"type": "refund", "order_id": "ORD-5", "amount": 50.00, "tags": ["refund"]}');
