-- Customers whose every order was cancelled.
INSERT INTO customers (id, name) VALUES
    (1, 'Kofi Mensah'),
    (2, 'Lena Kowalska'),
    (3, 'Mateo Ruiz'),
    (4, 'Nadia Benali');
INSERT INTO orders (id, customer_id, status, total) VALUES
    (301, 1, 'cancelled', 10.00),
    (302, 1, 'cancelled', 20.00),
    (303, 2, 'shipped',   35.00),
    (304, 3, 'cancelled', 60.00);
