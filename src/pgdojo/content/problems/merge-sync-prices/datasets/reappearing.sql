INSERT INTO products (product_id, name, price, active, revision) VALUES
    (1, 'Desk lamp',     29.90, true,  3),
    (2, 'Office chair', 189.00, false, 6),
    (3, 'Monitor arm',   74.50, false, 2),
    (4, 'Footrest',      34.00, false, 4);

INSERT INTO order_lines (line_id, product_id, qty) VALUES
    (100, 2, 1),
    (101, 3, 1),
    (102, 4, 1);

INSERT INTO price_feed (product_id, name, price) VALUES
    (1, 'Desk lamp',     29.90),
    (2, 'Office chair', 189.00),
    (3, 'Monitor arm',   NULL);
