INSERT INTO products (id, sku, active) VALUES
    (1, 'SOCK-WOOL',  true),
    (2, 'SOCK-SILK',  true),
    (3, 'GLOVE-WOOL', true);
INSERT INTO orders (id, ordered_at) VALUES
    (400, '2026-01-01 00:00:00+00'),
    (401, '2025-12-31 23:59:59.999+00'),
    (402, '2026-01-01 00:00:00.001+00');
INSERT INTO order_items (id, order_id, product_id, qty) VALUES
    (1, 400, 1, 1),
    (2, 401, 2, 1),
    (3, 402, 3, 1);
