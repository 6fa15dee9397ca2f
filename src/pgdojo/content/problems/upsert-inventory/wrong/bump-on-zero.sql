-- expect: wrong_answer on net-zero-existing
-- Aggregates correctly but bumps the version even when the net change is zero.
INSERT INTO inventory AS i (sku, qty, version)
SELECT sku, sum(delta), 1
FROM stock_deltas
GROUP BY sku
ON CONFLICT (sku) DO UPDATE
    SET qty     = i.qty + excluded.qty,
        version = i.version + 1;
