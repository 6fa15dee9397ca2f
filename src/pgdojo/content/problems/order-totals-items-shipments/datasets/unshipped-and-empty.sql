INSERT INTO orders (id, customer) VALUES (1, 'harbor'), (2, 'iris'), (3, 'juniper');
INSERT INTO order_items (id, order_id, sku, qty, unit_price) VALUES
    (1, 1, 'tent', 1, 320.00),
    (2, 1, 'pegs', 2,   6.50);
INSERT INTO shipments (id, order_id, carrier, shipped_at) VALUES
    (1, 3, 'dhl', '2026-06-02 10:00:00+00');
