-- Lines of products deleted from the catalogue keep a NULL product_id.
INSERT INTO products (id, sku, active) VALUES
    (1, 'LAMP-DESK',  true),
    (2, 'LAMP-FLOOR', true),
    (3, 'BULB-E27',   true),
    (4, 'SHADE-LINEN', true);
INSERT INTO orders (id, ordered_at) VALUES
    (200, '2026-01-10 12:00:00+00'),
    (201, '2026-02-02 08:30:00+00');
INSERT INTO order_items (id, order_id, product_id, qty) VALUES
    (1, 200, 1,    1),
    (2, 200, NULL, 2),
    (3, 201, 3,    5),
    (4, 201, NULL, 1);
