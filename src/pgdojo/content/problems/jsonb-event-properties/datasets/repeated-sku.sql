-- The same SKU on several lines of one cart (added twice, with different promotions), and in
-- several carts.
INSERT INTO events (event_id, user_id, event_type, occurred_at, payload) VALUES
    (1, 50, 'checkout_completed', '2026-07-01 08:00:00+00',
     '{"cart": {"items": [{"sku": "SOCK", "qty": 2, "price": 4.00},
                          {"sku": "SOCK", "qty": 3, "price": 4.00, "discount": 2.00},
                          {"sku": "SOCK", "qty": 1, "price": 4.00, "discount": null}]}}'),
    (2, 51, 'checkout_completed', '2026-07-01 09:00:00+00',
     '{"cart": {"items": [{"sku": "SOCK", "qty": 1, "price": 3.50}, {"sku": "BELT", "qty": 1, "price": 19.00}]}}');
