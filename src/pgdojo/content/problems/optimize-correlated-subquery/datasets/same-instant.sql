INSERT INTO customers (customer_id, name, region) VALUES
    (1, 'Customer 00001', 'EU'),
    (2, 'Customer 00002', 'EU');
INSERT INTO orders (order_id, customer_id, ordered_at, total) VALUES
    (10, 1, '2025-05-01 10:00+00', 25.00),
    (31, 1, '2025-06-01 10:00+00', 31.00),
    (17, 1, '2025-06-01 10:00+00', 17.00),
    (44, 2, '2025-06-01 10:00+00', 44.00),
    (43, 2, '2025-06-01 10:00+00', 43.00),
    (99, 2, '2025-05-31 23:59+00', 99.00);
