-- 150,000 orders over three years (one every 631 s), about 3,000 customers, every 97th order
-- a guest checkout. Deterministic: no random().
INSERT INTO orders (order_id, customer_id, created_at, status, total, shipping_address)
SELECT i,
       CASE WHEN i % 97 = 0 THEN NULL ELSE 1 + (i * 7919) % 3000 END,
       timestamptz '2023-07-01 00:00:00+00' + i * interval '631 seconds',
       (ARRAY['placed', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + (i / 7) % 5],
       ((i * 37) % 50000) / 100.0,
       'Dock ' || (i * 13) % 997 || ', Industrial Park ' || i % 50 || ', Springfield'
FROM generate_series(1, 150000) AS g(i);
