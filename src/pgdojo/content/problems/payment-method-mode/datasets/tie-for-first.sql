INSERT INTO payments (id, country, method) VALUES
    (1, 'FR', 'paypal'), (2, 'FR', 'card'), (3, 'FR', 'paypal'), (4, 'FR', 'card'),
    (5, 'FR', 'bank'),
    (6, 'IT', 'satispay'), (7, 'IT', 'card'), (8, 'IT', 'card'), (9, 'IT', 'satispay'),
    (10, 'IT', 'bancomat'), (11, 'IT', 'bancomat');
