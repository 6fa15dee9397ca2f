-- expect: wrong_answer on duplicate-skus
-- Silences "cannot affect row a second time" with DISTINCT ON: only one delta per SKU survives.
INSERT INTO inventory AS i (sku, qty, version)
SELECT DISTINCT ON (sku) sku, delta, 1
FROM stock_deltas
ORDER BY sku, delta_id DESC
ON CONFLICT (sku) DO UPDATE
    SET qty     = i.qty + excluded.qty,
        version = i.version + 1
    WHERE excluded.qty <> 0;
