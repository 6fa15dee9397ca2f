-- The same SKU added twice to one order, as two lines.
INSERT INTO orders (id, customer) VALUES (1, 'fjord'), (2, 'granite');
INSERT INTO order_items (id, order_id, sku, qty, unit_price) VALUES
    (1, 1, 'mug',    2, 8.00),
    (2, 1, 'mug',    2, 8.00),
    (3, 1, 'saucer', 4, 4.00),
    (4, 2, 'plate',  1, 12.00);
INSERT INTO shipments (id, order_id, carrier, shipped_at) VALUES
    (1, 1, 'ups', '2026-05-02 10:00:00+00'),
    (2, 2, 'ups', '2026-05-02 11:00:00+00');
