INSERT INTO sale_lines (id, product_id, revenue) VALUES
    (1, 7, 500.00),
    (2, 3, 200.00),
    (3, 9, 200.00),
    (4, 5, 45.00),
    (5, 4, 25.00),
    (6, 8, 25.00),
    (7, 6, 5.00);
