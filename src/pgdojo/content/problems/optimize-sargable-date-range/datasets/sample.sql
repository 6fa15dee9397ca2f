-- 200,000 orders over about 15 months (one every 200 s, so about 430 a day; none falls on a
-- midnight). Deterministic: no random().
INSERT INTO orders (order_id, store_id, created_at, status, total)
SELECT i,
       1 + (i * 7919) % 120,
       timestamptz '2025-03-01 00:00:37+00' + i * interval '200 seconds',
       (ARRAY['paid', 'shipped', 'delivered', 'refunded', 'cancelled'])[1 + (i * 13) % 5],
       ((i * 37) % 40000) / 100.0 + 1
FROM generate_series(1, 200000) AS g(i);
CREATE INDEX orders_created_at_idx ON orders (created_at);
