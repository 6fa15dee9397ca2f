-- The same SKU appears on several lines of one order, at different prices.
INSERT INTO orders (id, placed_at, items) VALUES
    (1, '2026-07-01', '[{"sku": "TEE-M", "qty": 1, "price": 24.00},
                        {"sku": "TEE-M", "qty": 1, "price": 0.00},
                        {"sku": "TEE-M", "qty": 2, "price": 20.00}]'),
    (2, '2026-07-01', '[{"sku": "TEE-M", "qty": 1, "price": 24.00},
                        {"sku": "tee-m", "qty": 1, "price": 19.00}]');
