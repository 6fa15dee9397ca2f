INSERT INTO customers (customer_id, name, region) VALUES
    (1, 'Customer 00001', 'EU'),
    (2, 'Customer 00002', 'EU');
INSERT INTO orders (order_id, customer_id, ordered_at, total) VALUES
    (900, 1, '2025-01-05 10:00+00', 90.00),
    (100, 1, '2025-02-05 10:00+00', 10.00),
    (500, 2, '2025-03-05 10:00+00', 50.00),
    (200, 2, '2025-03-04 10:00+00', 20.00);
