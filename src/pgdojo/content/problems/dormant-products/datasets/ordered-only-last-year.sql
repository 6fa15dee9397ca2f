INSERT INTO products (id, sku, active) VALUES
    (1, 'PEN-GEL',   true),
    (2, 'PEN-INK',   true),
    (3, 'NOTEBOOK',  true),
    (4, 'ERASER',    true);
INSERT INTO orders (id, ordered_at) VALUES
    (300, '2025-06-01 10:00:00+00'),
    (301, '2025-12-31 23:59:59+00'),
    (302, '2026-01-20 15:00:00+00');
INSERT INTO order_items (id, order_id, product_id, qty) VALUES
    (1, 300, 1, 10),
    (2, 301, 2, 3),
    (3, 301, 3, 1),
    (4, 302, 3, 2);
