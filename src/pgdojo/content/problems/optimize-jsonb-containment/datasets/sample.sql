-- 120,000 events over about three weeks; one in a thousand is a refund. Deterministic: no random().
INSERT INTO events (event_id, occurred_at, source, payload)
SELECT i,
       timestamptz '2026-01-01 00:00:00+00' + i * interval '17 seconds',
       (ARRAY['web', 'mobile', 'pos'])[1 + i % 3],
       jsonb_build_object(
           'type',     CASE WHEN i % 1000 = 617 THEN 'refund'
                            ELSE (ARRAY['order_created', 'payment_captured', 'shipment_sent',
                                        'email_sent', 'cart_updated'])[1 + (i * 7) % 5]
                       END,
           'order_id', 'ORD-' || lpad((i / 4)::text, 6, '0'),
           'amount',   ((i * 4111) % 90000) / 100.0,
           'currency', (ARRAY['EUR', 'USD', 'GBP'])[1 + (i / 3) % 3],
           'meta',     jsonb_build_object('attempt', 1 + i % 3,
                                          'client', 'app-' || (i * 13) % 57))
FROM generate_series(1, 120000) AS g(i);
