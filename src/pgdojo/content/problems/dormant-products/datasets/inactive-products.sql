INSERT INTO products (id, sku, active) VALUES
    (1, 'KITE-RED',   false),
    (2, 'KITE-BLUE',  false),
    (3, 'KITE-GREEN', true),
    (4, 'KITE-GOLD',  true);
INSERT INTO orders (id, ordered_at) VALUES
    (500, '2026-04-01 10:00:00+00'),
    (501, '2024-04-01 10:00:00+00');
INSERT INTO order_items (id, order_id, product_id, qty) VALUES
    (1, 500, 1, 1),
    (2, 501, 2, 1),
    (3, 500, 4, 2);
