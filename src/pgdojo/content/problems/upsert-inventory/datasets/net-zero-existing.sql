INSERT INTO inventory (sku, qty, version) VALUES
    ('BOLT-M6',  120, 4),
    ('NUT-M6',    80, 2),
    ('GASKET-9',   5, 3),
    ('CLAMP-20',  40, 6);

INSERT INTO stock_deltas (delta_id, sku, delta) VALUES
    (1, 'BOLT-M6',   10),
    (2, 'NUT-M6',    25),
    (3, 'NUT-M6',   -25),
    (4, 'GASKET-9',   0),
    (5, 'CLAMP-20',  -8);
