INSERT INTO customers (customer_id, name, tier) VALUES
    (1, 'Acme Corp',      'bronze'),
    (2, 'Globex',         'gold'),
    (3, 'Initech',        'silver'),
    (4, 'Umbrella',       'bronze'),
    (5, 'Hooli',          'silver');

INSERT INTO orders (order_id, customer_id, ordered_at, amount, status) VALUES
    (10, 1, '2025-02-14 10:00+00', 3200.00, 'paid'),
    (11, 1, '2025-06-01 09:30+00', 2500.00, 'paid'),
    (12, 2, '2025-03-03 15:00+00',  900.00, 'paid'),
    (13, 2, '2024-11-20 12:00+00', 8000.00, 'paid'),
    (14, 3, '2025-07-19 08:00+00',  400.00, 'paid'),
    (15, 3, '2025-09-02 17:45+00',  150.00, 'paid'),
    (16, 4, '2025-04-10 11:00+00', 1200.00, 'paid'),
    (17, 4, '2025-05-10 11:00+00',  700.00, 'refunded'),
    (18, 5, '2025-10-05 14:20+00', 4000.00, 'paid'),
    (19, 5, '2025-10-06 09:00+00', 2000.00, 'refunded');
