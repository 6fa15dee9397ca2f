INSERT INTO customers (customer_id, name, tier) VALUES
    (1, 'Acme Corp', 'gold'),
    (2, 'Globex',    'silver'),
    (3, 'Initech',   'gold'),
    (4, 'Umbrella',  'bronze');

INSERT INTO orders (order_id, customer_id, ordered_at, amount, status) VALUES
    (10, 1, '2024-06-01 10:00+00', 9000.00, 'paid'),
    (11, 1, '2026-01-15 10:00+00', 7000.00, 'paid'),
    (12, 3, '2025-03-01 10:00+00', 6000.00, 'paid'),
    (13, 4, '2025-08-08 10:00+00', 1500.00, 'paid');
