-- The storefront omits "qty" for single items; an older client sends "qty": null.
INSERT INTO orders (id, placed_at, items) VALUES
    (1, '2026-04-01', '[{"sku": "MUG-01", "price": 12.50},
                        {"sku": "TEE-M", "qty": 2, "price": 24.00}]'),
    (2, '2026-04-01', '[{"sku": "MUG-01", "qty": null, "price": 12.50}]'),
    (3, '2026-04-02', '[{"sku": "CAP-01", "price": 15.00},
                        {"sku": "MUG-01", "qty": 3, "price": 12.00}]');
