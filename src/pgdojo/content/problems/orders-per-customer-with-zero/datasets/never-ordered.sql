INSERT INTO customers (id, name) VALUES
    (1, 'Dune Freight'),
    (2, 'Elm Street Bakery'),
    (3, 'Fjord Outfitters');
INSERT INTO orders (id, customer_id, placed_at, status, total) VALUES
    (20, 2, '2026-02-20 10:00:00+00', 'shipped', 55.00);
