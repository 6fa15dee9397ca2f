INSERT INTO products (product_id, name, price, active, revision) VALUES
    (1, 'Desk lamp',     29.90, true, 3),
    (2, 'Office chair', 189.00, true, 5),
    (3, 'Monitor arm',   74.50, true, 2),
    (4, 'Bookend',        9.00, true, 1);

INSERT INTO order_lines (line_id, product_id, qty) VALUES
    (100, 4, 1);

INSERT INTO price_feed (product_id, name, price) VALUES
    (1, 'Desk lamp',            NULL),
    (2, 'Office chair (mesh)',  NULL),
    (3, 'Monitor arm',          69.00),
    (4, 'Bookend',               9.00),
    (9, 'Pen holder',           NULL);
