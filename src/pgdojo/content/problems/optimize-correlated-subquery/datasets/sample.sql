-- 20,000 customers in five regions (4,000 in EU) and 200,000 orders, exactly ten per customer,
-- spread over one year. Deterministic: no random().
INSERT INTO customers (customer_id, name, region)
SELECT c,
       'Customer ' || lpad(c::text, 5, '0'),
       (ARRAY['EU', 'NA', 'APAC', 'LATAM', 'MEA'])[1 + (c * 3) % 5]
FROM generate_series(1, 20000) AS g(c);

INSERT INTO orders (order_id, customer_id, ordered_at, total)
SELECT i,
       1 + (i * 7919) % 20000,
       timestamptz '2025-01-01 00:00:00+00' + i * interval '157 seconds',
       ((i * 4111) % 90000) / 100.0 + 5
FROM generate_series(1, 200000) AS g(i);
