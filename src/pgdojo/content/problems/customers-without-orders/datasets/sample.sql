INSERT INTO customers (id, name) VALUES
    (1, 'Amara Okafor'),
    (2, 'Bruno Lindqvist'),
    (3, 'Chiara Rossi'),
    (4, 'Dmitri Volkov'),
    (5, 'Eun-ji Park'),
    (6, 'Farid Haddad');
INSERT INTO orders (id, customer_id, status, total) VALUES
    (101, 1, 'shipped',   49.90),
    (102, 2, 'placed',    12.00),
    (103, 2, 'cancelled', 80.00),
    (104, 4, 'shipped',   19.99),
    (105, 4, 'shipped',    5.00),
    (106, 6, 'placed',   240.00);
