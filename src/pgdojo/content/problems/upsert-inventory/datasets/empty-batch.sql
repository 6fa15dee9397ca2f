-- Nothing arrived in this batch: stock_deltas stays empty.
INSERT INTO inventory (sku, qty, version) VALUES
    ('BOLT-M6', 120, 4),
    ('NUT-M6',   80, 2);
