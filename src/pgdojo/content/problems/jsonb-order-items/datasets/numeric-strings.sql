-- A partner API sends numbers as JSON strings.
INSERT INTO orders (id, placed_at, items) VALUES
    (1, '2026-05-01', '[{"sku": "MUG-01", "qty": "3", "price": "12.50"},
                        {"sku": "TEE-M", "qty": 1, "price": "24.00"}]'),
    (2, '2026-05-02', '[{"sku": "TEE-M", "qty": "2", "price": 23.00}]'),
    (3, '2026-05-02', '[{"sku": "CAP-01", "qty": 4, "price": 15}]');
