-- The promotion engine timed out on some lines: "discount": null. Lines without the key had no
-- promotion. One SKU has no line with a known discount at all.
INSERT INTO events (event_id, user_id, event_type, occurred_at, payload) VALUES
    (1, 30, 'checkout_completed', '2026-05-01 12:00:00+00',
     '{"cart": {"items": [{"sku": "LAMP", "qty": 1, "price": 80.00, "discount": null},
                          {"sku": "LAMP", "qty": 2, "price": 80.00},
                          {"sku": "BULB", "qty": 4, "price": 3.00, "discount": null}]}}'),
    (2, 31, 'checkout_completed', '2026-05-01 12:30:00+00',
     '{"cart": {"items": [{"sku": "LAMP", "qty": 1, "price": 80.00, "discount": 8.00},
                          {"sku": "SHADE", "qty": 1, "price": 30.00}]}}'),
    (3, 32, 'checkout_completed', '2026-05-01 13:00:00+00',
     '{"cart": {"items": [{"sku": "BULB", "qty": 2, "price": 3.00, "discount": null}]}}');
