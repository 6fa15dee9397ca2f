-- Abandoned checkouts leave orders with no line items.
INSERT INTO orders (id, placed_at, items) VALUES
    (1, '2026-06-01', '[]'),
    (2, '2026-06-01', '[{"sku": "MUG-01", "qty": 1, "price": 12.50}]'),
    (3, '2026-06-02', '[]'),
    (4, '2026-06-03', '[{"sku": "CAP-01", "qty": 2, "price": 15.00}]');
