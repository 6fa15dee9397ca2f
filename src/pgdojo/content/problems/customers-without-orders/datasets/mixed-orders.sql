-- Customers with many orders, some cancelled and some not.
INSERT INTO customers (id, name) VALUES
    (1, 'Olu Adeyemi'),
    (2, 'Paula Mendes'),
    (3, 'Quentin Marchal'),
    (4, 'Rhea Kapoor');
INSERT INTO orders (id, customer_id, status, total) VALUES
    (401, 1, 'cancelled', 10.00),
    (402, 1, 'shipped',   11.00),
    (403, 1, 'cancelled', 12.00),
    (404, 2, 'placed',    13.00),
    (405, 2, 'placed',    14.00),
    (406, 2, 'shipped',   15.00),
    (407, 3, 'cancelled', 16.00),
    (408, 3, 'cancelled', 17.00),
    (409, 3, 'placed',    18.00);
