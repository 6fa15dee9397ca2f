-- The customer ordered before and after the year, never during it.
INSERT INTO orders (order_id, customer_id, created_at, status, total, shipping_address, gift_message) VALUES
    (1, 1234, '2024-11-10 10:00:00+00', 'delivered', 10.00, 'Dock 1', NULL),
    (2, 1234, '2026-02-02 10:00:00+00', 'placed',    20.00, 'Dock 1', NULL),
    (3, 777,  '2025-02-02 10:00:00+00', 'paid',      30.00, 'Dock 7', NULL);
