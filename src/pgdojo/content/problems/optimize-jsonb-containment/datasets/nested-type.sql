-- "type" also appears inside nested objects, where it means something else.
INSERT INTO events (event_id, occurred_at, source, payload) VALUES
    (1, '2026-02-03 10:00+00', 'web', '{"type": "email_sent", "template": {"type": "refund"}, "order_id": "ORD-1"}'),
    (2, '2026-02-03 10:01+00', 'web', '{"type": "refund", "order_id": "ORD-2", "amount": 12.00, "meta": {"type": "partial"}}'),
    (3, '2026-02-03 10:02+00', 'web', '{"kind": "refund", "order_id": "ORD-3", "amount": 13.00}'),
    (4, '2026-02-03 10:03+00', 'web', '{"type": "refund", "order_id": "ORD-4"}'),
    (5, '2026-02-03 10:03+00', 'pos', '{"type": "refund", "order_id": null, "amount": 15.25}');
