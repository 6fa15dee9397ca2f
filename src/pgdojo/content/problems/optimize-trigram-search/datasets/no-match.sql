INSERT INTO products (product_id, name, details, seller_id, price) VALUES
    (1, 'lawn mower', '-',                      1, 199.00),
    (2, 'cable reel 25 m', '-',                 2, 35.00),
    (3, 'garden hose 50 m', '-',                3, 45.00);
