INSERT INTO orders (id, customer) VALUES (1, 'dune'), (2, 'elm');
INSERT INTO order_items (id, order_id, sku, qty, unit_price) VALUES
    (1, 1, 'sofa',   1, 900.00),
    (2, 1, 'pillow', 3,  15.00),
    (3, 1, 'throw',  2,  49.00),
    (4, 2, 'vase',   2,  22.00);
INSERT INTO shipments (id, order_id, carrier, shipped_at) VALUES
    (1, 1, 'freight', '2026-04-02 10:00:00+00'),
    (2, 1, 'dhl',     '2026-04-03 10:00:00+00'),
    (3, 2, 'ups',     '2026-04-02 12:00:00+00');
