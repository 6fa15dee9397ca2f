INSERT INTO orders (id, placed_at, items) VALUES
    (1, '2026-03-01', '[{"sku": "MUG-01", "qty": 2, "price": 12.50},
                        {"sku": "TEE-M",  "qty": 1, "price": 24.00}]'),
    (2, '2026-03-01', '[{"sku": "CAP-01", "qty": 3, "price": 15.00}]'),
    (3, '2026-03-02', '[{"sku": "MUG-01", "qty": 1, "price": 12.50},
                        {"sku": "CAP-01", "qty": 1, "price": 14.00},
                        {"sku": "STICKER", "qty": 10, "price": 0.99}]'),
    (4, '2026-03-03', '[{"sku": "TEE-M", "qty": 2, "price": 22.00}]');
