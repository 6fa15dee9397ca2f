-- Titles that look like the search but do not contain it.
INSERT INTO products (product_id, name, details, seller_id, price) VALUES
    (1, 'hose real 30 m', '-',                  1, 10.00),
    (2, 'house reel', '-',                      2, 11.00),
    (3, 'hose  reel (double space)', '-',       3, 12.00),
    (4, 'hose reel', '-',                       4, 13.00),
    (5, 'garden hose, reel sold apart', '-',    5, 14.00);
