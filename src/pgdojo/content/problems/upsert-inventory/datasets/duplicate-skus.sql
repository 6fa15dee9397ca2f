INSERT INTO inventory (sku, qty, version) VALUES
    ('BOLT-M6', 120, 4),
    ('NUT-M6',   80, 2),
    ('PIN-3MM',  10, 9);

INSERT INTO stock_deltas (delta_id, sku, delta) VALUES
    (1, 'BOLT-M6',  -20),
    (2, 'BOLT-M6',   50),
    (3, 'BOLT-M6',   -5),
    (4, 'RIVET-4',   30),
    (5, 'NUT-M6',    15),
    (6, 'RIVET-4',   12),
    (7, 'PIN-3MM',    3);
