INSERT INTO payments (id, country, method) VALUES
    (1, 'BE', NULL), (2, 'BE', NULL),
    (3, 'AT', 'eps'), (4, 'AT', 'card'), (5, 'AT', 'eps');
