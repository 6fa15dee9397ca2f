-- Figures not loaded yet (NULL) rank after every known figure, zero included.
INSERT INTO categories (category_id, name) VALUES (1, 'Toys'), (2, 'Books');
INSERT INTO products (product_id, category_id, name, description, sales) VALUES
    (1, 1, 'Kite', '-',     NULL),
    (2, 1, 'Puzzle', '-',   5),
    (3, 1, 'Yo-yo', '-',    NULL),
    (4, 1, 'Blocks', '-',   0),
    (5, 1, 'Marbles', '-',  7),
    (6, 2, 'Atlas', '-',    NULL),
    (7, 2, 'Novel', '-',    NULL),
    (8, 2, 'Cookbook', '-', 1);
