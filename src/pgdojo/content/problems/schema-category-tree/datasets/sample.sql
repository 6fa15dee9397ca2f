INSERT INTO categories (category_id, parent_id, name) VALUES
    (1, NULL, 'Furniture'),
    (2, 1,    'Chairs'),
    (3, 1,    'Desks'),
    (4, NULL, 'Lighting'),
    (5, 4,    'Desk lamps');
