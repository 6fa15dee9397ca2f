-- The camping range has been discontinued: no products in the category.
INSERT INTO customers (id, name) VALUES
    (1, 'Jakob'),
    (2, 'Keiko');
INSERT INTO products (id, name, category) VALUES
    (20, 'chef knife', 'kitchen'),
    (21, 'cast iron',  'kitchen');
INSERT INTO purchases (id, customer_id, product_id, purchased_at) VALUES
    (1, 1, 20, '2026-08-01'),
    (2, 1, 21, '2026-08-02');
