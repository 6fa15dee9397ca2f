INSERT INTO events (event_id, user_id, event_type, occurred_at, payload) VALUES
    (1, 10, 'checkout_completed', '2026-03-02 09:14:00+00',
     '{"cart": {"currency": "EUR", "items": [{"sku": "MUG-01", "qty": 2, "price": 12.50, "discount": 0},
                                             {"sku": "TEE-M",  "qty": 1, "price": 25.00, "discount": 5.00}]}}'),
    (2, 11, 'checkout_completed', '2026-03-02 10:40:00+00',
     '{"cart": {"currency": "EUR", "items": [{"sku": "MUG-01", "qty": 1, "price": 12.50, "discount": 0}]},
       "app": "ios"}'),
    (3, 12, 'checkout_started',   '2026-03-02 11:05:00+00',
     '{"cart": {"currency": "EUR", "items": [{"sku": "CAP-01", "qty": 3, "price": 9.00}]}}'),
    (4, 12, 'page_view',          '2026-03-02 11:06:00+00',
     '{"path": "/cart"}'),
    (5, 13, 'checkout_completed', '2026-03-03 08:00:00+00',
     '{"cart": {"currency": "EUR", "items": [{"sku": "TEE-M", "qty": 2, "price": 25.00, "discount": 10.00},
                                             {"sku": "CAP-01", "qty": 1, "price": 9.00, "discount": 1.50}]}}');
