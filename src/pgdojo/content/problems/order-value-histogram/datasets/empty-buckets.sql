INSERT INTO orders (id, total) VALUES
    (1, 19.99), (2, 24.00), (3, 31.50), (4, 260.00), (5, 455.00), (6, 12.00);
