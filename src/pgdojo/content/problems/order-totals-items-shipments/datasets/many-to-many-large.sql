INSERT INTO orders (id, customer) VALUES (1, 'kestrel'), (2, 'lumen');
INSERT INTO order_items (id, order_id, sku, qty, unit_price)
SELECT n, 1 + n % 2, 'sku-' || n, 1 + n % 3, 10.00 + n
FROM generate_series(1, 40) AS n;
INSERT INTO shipments (id, order_id, carrier, shipped_at)
SELECT n, 1 + n % 2, 'dhl', '2026-07-01 00:00:00+00'::timestamptz + n * interval '1 hour'
FROM generate_series(1, 9) AS n;
