INSERT INTO products (product_id, name, price, active, revision) VALUES
    (1, 'Desk lamp',    29.90, true, 3),
    (2, 'Ergo keyboard', NULL, true, 1),
    (3, 'Ergo mouse',    NULL, true, 2),
    (4, 'Webcam',       49.00, true, 6);

INSERT INTO price_feed (product_id, name, price) VALUES
    (1, 'Desk lamp',     31.00),
    (2, 'Ergo keyboard', 99.00),
    (3, 'Ergo mouse',     NULL),
    (4, 'Webcam',        49.00);
