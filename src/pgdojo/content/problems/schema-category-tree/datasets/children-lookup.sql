INSERT INTO categories (category_id, parent_id, name) VALUES
    (1, NULL, 'Furniture'),
    (4, NULL, 'Lighting');
INSERT INTO categories (category_id, parent_id, name)
SELECT g, 1 + 3 * (g % 2), 'Category ' || g
FROM generate_series(10, 60) AS g;
