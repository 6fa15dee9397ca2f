INSERT INTO products (product_id, name, price, active, revision) VALUES
    (1, 'Desk lamp',     29.90, true,  3),
    (2, 'Office chair', 189.00, true,  5),
    (3, 'Monitor arm',   74.50, true,  2),
    (4, 'Cable tray',    15.00, true,  1),
    (5, 'Footrest',      34.00, false, 4);

INSERT INTO order_lines (line_id, product_id, qty) VALUES
    (100, 2,    1),
    (101, NULL, 1),
    (102, 5,    2),
    (103, NULL, 4);

INSERT INTO price_feed (product_id, name, price) VALUES
    (1, 'Desk lamp', 29.90);
