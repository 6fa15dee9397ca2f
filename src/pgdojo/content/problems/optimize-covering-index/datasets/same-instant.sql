-- A checkout split into several orders at the same instant, stored newest id first.
INSERT INTO orders (order_id, customer_id, created_at, status, total, shipping_address, gift_message) VALUES
    (47, 1234, '2025-03-01 09:00:00+00', 'paid',      13.00, 'Dock 1', NULL),
    (31, 1234, '2025-03-01 09:00:00+00', 'paid',      11.00, 'Dock 1', NULL),
    (12, 1234, '2025-03-01 09:00:00+00', 'shipped',   12.00, 'Dock 1', NULL),
    (90, 1234, '2025-02-01 09:00:00+00', 'delivered', 15.00, 'Dock 1', NULL),
    (5,  1234, '2025-04-01 09:00:00+00', 'placed',    14.00, 'Dock 1', NULL);
