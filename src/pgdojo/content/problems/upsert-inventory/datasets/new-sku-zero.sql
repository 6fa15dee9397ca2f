INSERT INTO inventory (sku, qty, version) VALUES
    ('BOLT-M6', 120, 4);

INSERT INTO stock_deltas (delta_id, sku, delta) VALUES
    (1, 'BOLT-M6',    7),
    (2, 'SPRING-K2',  0),
    (3, 'SHIM-05',    6),
    (4, 'SHIM-05',   -6),
    (5, 'CAP-12',     4);
