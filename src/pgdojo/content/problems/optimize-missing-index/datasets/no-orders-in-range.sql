INSERT INTO orders (order_id, customer_id, created_at, status, total, shipping_address) VALUES
    (1, 1234, '2025-11-10 10:00:00+00', 'delivered', 10.00, 'Dock 1'),
    (2, 1234, '2026-04-02 10:00:00+00', 'placed',    20.00, 'Dock 1'),
    (3, 777,  '2026-02-02 10:00:00+00', 'paid',      30.00, 'Dock 7');
