INSERT INTO payments (id, country, method) VALUES
    (1, 'ES', NULL), (2, 'ES', NULL), (3, 'ES', NULL), (4, 'ES', 'bizum'),
    (5, 'ES', 'card'), (6, 'ES', 'bizum'),
    (7, 'PT', 'mbway'), (8, 'PT', NULL);
