INSERT INTO products (product_id, name, price, active, revision) VALUES
    (1, 'Desk lamp',        29.90, true,  3),
    (2, 'Office chair',    189.00, true,  5),
    (3, 'Monitor arm',      74.50, true,  2),
    (4, 'Cable tray',       15.00, true,  1),
    (5, 'Footrest',         34.00, true,  4),
    (6, 'Whiteboard',       59.00, true,  2);

INSERT INTO order_lines (line_id, product_id, qty) VALUES
    (100, 1, 2),
    (101, 2, 1),
    (102, 5, 3),
    (103, 5, 1);

INSERT INTO price_feed (product_id, name, price) VALUES
    (1, 'Desk lamp',              29.90),
    (2, 'Office chair',          179.00),
    (3, 'Monitor arm (dual)',     74.50),
    (7, 'Standing mat',           45.00),
    (8, 'Desk organiser',         19.90);
