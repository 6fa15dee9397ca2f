INSERT INTO inventory (sku, qty, version) VALUES
    ('BOLT-M6',   120, 4),
    ('NUT-M6',     80, 2),
    ('WASHER-M6', 300, 7),
    ('HINGE-XL',   12, 1);

INSERT INTO stock_deltas (delta_id, sku, delta) VALUES
    (1, 'BOLT-M6',    -20),
    (2, 'NUT-M6',      40),
    (3, 'BRACKET-L',   25),
    (4, 'WASHER-M6', -150);
