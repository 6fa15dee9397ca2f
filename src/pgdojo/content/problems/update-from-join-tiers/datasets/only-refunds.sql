INSERT INTO customers (customer_id, name, tier) VALUES
    (1, 'Acme Corp', 'gold'),
    (2, 'Globex',    'silver'),
    (3, 'Initech',   'bronze');

INSERT INTO orders (order_id, customer_id, ordered_at, amount, status) VALUES
    (10, 1, '2025-02-01 10:00+00', 5500.00, 'refunded'),
    (11, 1, '2025-02-02 10:00+00', 6000.00, 'refunded'),
    (12, 2, '2025-05-05 10:00+00', 1800.00, 'refunded'),
    (13, 3, '2025-06-06 10:00+00', 1100.00, 'paid');
