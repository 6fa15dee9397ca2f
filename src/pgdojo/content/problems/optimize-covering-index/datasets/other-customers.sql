-- Other customers' orders in the same year, including ids that share digits with 1234.
INSERT INTO orders (order_id, customer_id, created_at, status, total, shipping_address, gift_message) VALUES
    (1, 123,   '2025-05-01 10:00:00+00', 'paid',      10.00, 'Dock 3', NULL),
    (2, 12345, '2025-05-02 10:00:00+00', 'paid',      20.00, 'Dock 4', NULL),
    (3, 1234,  '2025-05-03 10:00:00+00', 'returned',  30.00, 'Dock 1', NULL),
    (4, 4321,  '2025-05-04 10:00:00+00', 'delivered', 40.00, 'Dock 2', NULL);
