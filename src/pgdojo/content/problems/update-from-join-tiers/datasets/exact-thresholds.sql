INSERT INTO customers (customer_id, name, tier) VALUES
    (1, 'Acme Corp', 'bronze'),
    (2, 'Globex',    'gold'),
    (3, 'Initech',   'silver'),
    (4, 'Umbrella',  'silver');

INSERT INTO orders (order_id, customer_id, ordered_at, amount, status) VALUES
    (10, 1, '2025-03-01 10:00+00', 2500.00, 'paid'),
    (11, 1, '2025-04-01 10:00+00', 2500.00, 'paid'),
    (12, 2, '2025-05-01 10:00+00', 4999.99, 'paid'),
    (13, 3, '2025-06-01 10:00+00',  600.00, 'paid'),
    (14, 3, '2025-06-02 10:00+00',  400.00, 'paid'),
    (15, 4, '2025-07-01 10:00+00',  999.99, 'paid');
