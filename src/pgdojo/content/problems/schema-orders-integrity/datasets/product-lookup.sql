-- The same base rows as the sample; the checks of this case add or break rows.
INSERT INTO customers (customer_id, email, name) VALUES
    (1, 'ana@example.com',  'Ana Lima'),
    (2, 'bo@example.com',   'Bo Chen');

INSERT INTO orders (order_id, customer_id, order_no, placed_at, status) VALUES
    (100, 1, 1001, '2026-02-01 10:00+00', 'paid'),
    (101, 1, 1002, '2026-02-03 16:30+00', 'open'),
    (200, 2, 2001, '2026-02-02 09:15+00', 'shipped');

INSERT INTO order_items (order_id, line_no, sku, qty, unit_price) VALUES
    (100, 1, 'CHAIR-01', 2, 179.00),
    (100, 2, 'LAMP-03',  1,  29.90),
    (101, 1, 'DESK-02',  1, 549.00),
    (200, 1, 'LAMP-03',  4,  27.50);
