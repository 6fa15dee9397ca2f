INSERT INTO orders (order_id, customer_id, created_at, status, total, shipping_address) VALUES
    (1, NULL, '2026-01-10 10:00:00+00', 'paid',    10.00, 'Dock 9'),
    (2, NULL, '2026-01-11 10:00:00+00', 'paid',    20.00, 'Dock 9'),
    (3, 1234, '2026-01-12 10:00:00+00', 'paid',    30.00, 'Dock 1'),
    (4, 123,  '2026-01-13 10:00:00+00', 'paid',    40.00, 'Dock 3'),
    (5, 12345,'2026-01-14 10:00:00+00', 'paid',    50.00, 'Dock 4');
