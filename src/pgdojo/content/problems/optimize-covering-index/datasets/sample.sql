-- 180,000 orders of 2,000 customers over six years (one every 1,052 s), each customer's orders
-- spread over the whole table; long shipping addresses and gift messages make the rows wide.
-- Deterministic: no random().
INSERT INTO orders (order_id, customer_id, created_at, status, total, shipping_address, gift_message)
SELECT i,
       1 + (i * 7919) % 2000,
       timestamptz '2020-01-01 00:00:00+00' + i * interval '1052 seconds',
       (ARRAY['placed', 'paid', 'shipped', 'delivered', 'returned'])[1 + (i / 3) % 5],
       ((i * 37) % 50000) / 100.0 + 1,
       'Unit ' || i % 400 || ', ' || (i * 13) % 997 || ' Harbour Road, Building ' || i % 17
           || ', Floor ' || i % 9 || ', Springfield, Postcode ' || lpad(((i * 31) % 99999)::text, 5, '0'),
       CASE WHEN i % 4 = 0 THEN 'Happy birthday! With love from all of us, see you at the weekend.' END
FROM generate_series(1, 180000) AS g(i);
