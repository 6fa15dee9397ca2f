INSERT INTO customers (customer_id, name, region) VALUES
    (1, 'Customer 00001', 'EU'),
    (2, 'Customer 00002', 'EU'),
    (3, 'Customer 00003', 'EU'),
    (4, 'Customer 00004', 'NA');
INSERT INTO orders (order_id, customer_id, ordered_at, total) VALUES
    (10, 1, '2025-03-01 10:00+00', 25.00),
    (11, 1, '2025-04-01 10:00+00', 35.00),
    (12, 4, '2025-04-02 10:00+00', 45.00);
