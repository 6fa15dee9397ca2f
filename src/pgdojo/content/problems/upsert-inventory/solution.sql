INSERT INTO inventory AS i (sku, qty, version)
SELECT sku, sum(delta), 1
FROM stock_deltas
GROUP BY sku
ON CONFLICT (sku) DO UPDATE
    SET qty     = i.qty + excluded.qty,
        version = i.version + 1
    WHERE excluded.qty <> 0;
