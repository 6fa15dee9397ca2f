INSERT INTO orders (order_id, customer_id, created_at, status, total, shipping_address) VALUES
    (31, 1234, '2026-02-01 09:00:00+00', 'paid',    11.00, 'Dock 1'),
    (12, 1234, '2026-02-01 09:00:00+00', 'paid',    12.00, 'Dock 1'),
    (47, 1234, '2026-02-01 09:00:00+00', 'shipped', 13.00, 'Dock 1'),
    (5,  1234, '2026-01-15 09:00:00+00', 'paid',    14.00, 'Dock 1'),
    (90, 1234, '2026-03-01 09:00:00+00', 'placed',  15.00, 'Dock 1');
