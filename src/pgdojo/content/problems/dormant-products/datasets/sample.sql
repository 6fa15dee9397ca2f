INSERT INTO products (id, sku, active) VALUES
    (1, 'MUG-BLUE',   true),
    (2, 'MUG-RED',    true),
    (3, 'TEE-S',      true),
    (4, 'TEE-M',      true),
    (5, 'CAP-BLACK',  false),
    (6, 'POSTER-A2',  true);
INSERT INTO orders (id, ordered_at) VALUES
    (100, '2025-11-20 10:00:00+00'),
    (101, '2026-01-03 09:12:00+00'),
    (102, '2026-02-14 18:40:00+00'),
    (103, '2026-03-01 07:05:00+00');
INSERT INTO order_items (id, order_id, product_id, qty) VALUES
    (1, 100, 1, 1),
    (2, 100, 3, 2),
    (3, 101, 1, 1),
    (4, 102, 3, 1),
    (5, 102, 5, 3),
    (6, 103, 1, 4);
