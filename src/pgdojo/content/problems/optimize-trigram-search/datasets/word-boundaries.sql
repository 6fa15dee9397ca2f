-- The phrase inside longer words, in the wrong order, split by punctuation or other words.
INSERT INTO products (product_id, name, details, seller_id, price) VALUES
    (1, 'firehose reeling kit', '-',            1, 19.00),
    (2, 'reel for garden hose', '-',            2, 29.00),
    (3, 'hose-reel combo', '-',                 3, 39.00),
    (4, 'hose and reel set', '-',               4, 49.00),
    (5, 'hosereel 25 m', '-',                   5, 59.00),
    (6, 'hoses reels and fittings', '-',        6, 69.00),
    (7, 'compact hose reel', '-',               7, 79.00);
