-- Categories with fewer than three products, and one with no product at all.
INSERT INTO categories (category_id, name) VALUES (1, 'Audio'), (2, 'Bikes'), (3, 'Lighting'), (4, 'Pets');
INSERT INTO products (product_id, category_id, name, description, sales) VALUES
    (1, 1, 'Speaker', '-',   12),
    (2, 1, 'Headphone', '-', 30),
    (3, 2, 'Helmet', '-',    4),
    (4, 4, 'Leash', '-',     9),
    (5, 4, 'Bowl', '-',      9),
    (6, 4, 'Collar', '-',    8),
    (7, 4, 'Bed', '-',       2);
