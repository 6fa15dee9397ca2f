INSERT INTO sale_lines (id, product_id, revenue) VALUES
    (1, 42, 19.99),
    (2, 42, 5.01);
