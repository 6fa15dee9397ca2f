-- New sellers type titles with capitals.
INSERT INTO products (product_id, name, details, seller_id, price) VALUES
    (1, 'Garden Hose Reel 30 m', '-',           1, 49.00),
    (2, 'HOSE REEL CART, STEEL', '-',           2, 89.00),
    (3, 'garden hose reel 20 m', '-',           3, 39.00),
    (4, 'Hose Reel Wall Bracket', '-',          4, 12.00),
    (5, 'Fishing Reel, no hose', '-',           5, 25.00);
