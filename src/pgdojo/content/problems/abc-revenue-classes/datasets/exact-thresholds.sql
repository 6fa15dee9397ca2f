INSERT INTO sale_lines (id, product_id, revenue) VALUES
    (1, 1, 600.00),
    (2, 2, 200.00),
    (3, 3, 150.00),
    (4, 4,  30.00),
    (5, 5,  20.00);
