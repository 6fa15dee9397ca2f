INSERT INTO orders (id, customer) VALUES
    (1, 'acme'), (2, 'birch'), (3, 'cobalt');
INSERT INTO order_items (id, order_id, sku, qty, unit_price) VALUES
    (1, 1, 'desk',  1, 299.00),
    (2, 1, 'chair', 2,  89.50),
    (3, 1, 'lamp',  3,  35.00),
    (4, 2, 'shelf', 4,  60.00),
    (5, 3, 'rug',   1, 140.00);
INSERT INTO shipments (id, order_id, carrier, shipped_at) VALUES
    (1, 2, 'ups', '2026-03-03 11:00:00+00'),
    (2, 3, 'dhl', '2026-03-04 09:00:00+00');
