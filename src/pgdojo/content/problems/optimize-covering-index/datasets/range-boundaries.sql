-- Orders at the first instant of the year, its last microsecond, and the first instant of the next.
INSERT INTO orders (order_id, customer_id, created_at, status, total, shipping_address, gift_message) VALUES
    (1, 1234, '2024-12-31 23:59:59.999999+00', 'delivered', 10.00, 'Dock 1', NULL),
    (2, 1234, '2025-01-01 00:00:00+00',        'delivered', 20.00, 'Dock 1', NULL),
    (3, 1234, '2025-07-14 12:00:00+00',        'returned',  30.00, 'Dock 1', 'Enjoy'),
    (4, 1234, '2025-12-31 23:59:59.999999+00', 'placed',    40.00, 'Dock 1', NULL),
    (5, 1234, '2026-01-01 00:00:00+00',        'placed',    50.00, 'Dock 1', NULL),
    (6, 1234, '2025-12-31 20:00:00-05',        'paid',      60.00, 'Dock 1', NULL);
