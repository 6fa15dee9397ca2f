-- Several products tie at third place, entered newest id first.
INSERT INTO categories (category_id, name) VALUES (1, 'Garden'), (2, 'Kitchen');
INSERT INTO products (product_id, category_id, name, description, sales) VALUES
    (90, 1, 'Hose', '-',        50),
    (80, 1, 'Rake', '-',        40),
    (70, 1, 'Shovel', '-',      30),
    (60, 1, 'Gloves', '-',      30),
    (50, 1, 'Trowel', '-',      30),
    (40, 1, 'Seeds', '-',       30),
    (30, 1, 'Pots', '-',        10),
    (25, 2, 'Kettle', '-',      20),
    (24, 2, 'Toaster', '-',     20),
    (23, 2, 'Pan', '-',         20),
    (22, 2, 'Whisk', '-',       20);
