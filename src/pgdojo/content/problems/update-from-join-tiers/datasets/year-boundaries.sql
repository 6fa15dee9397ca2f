INSERT INTO customers (customer_id, name, tier) VALUES
    (1, 'Acme Corp', 'bronze'),
    (2, 'Globex',    'bronze'),
    (3, 'Initech',   'bronze'),
    (4, 'Umbrella',  'bronze');

INSERT INTO orders (order_id, customer_id, ordered_at, amount, status) VALUES
    (10, 1, '2025-12-31 23:59:59+00', 5000.00, 'paid'),
    (11, 2, '2025-01-01 00:00:00+00', 1000.00, 'paid'),
    (12, 3, '2026-01-01 00:00:00+00', 9000.00, 'paid'),
    (13, 3, '2025-12-31 18:00:00+00',  999.99, 'paid'),
    (14, 4, '2024-12-31 23:59:59+00', 5000.00, 'paid'),
    (15, 4, '2025-12-31 00:00:00+00', 1000.00, 'paid');
