-- Guest checkouts: live orders with no customer attached.
INSERT INTO customers (id, name) VALUES
    (1, 'Greta Nilsen'),
    (2, 'Hiro Tanaka'),
    (3, 'Ilse de Vries'),
    (4, 'Jonas Weber');
INSERT INTO orders (id, customer_id, status, total) VALUES
    (201, 1,    'shipped', 30.00),
    (202, NULL, 'placed',  15.00),
    (203, 3,    'placed',  22.50),
    (204, NULL, 'shipped', 99.00);
