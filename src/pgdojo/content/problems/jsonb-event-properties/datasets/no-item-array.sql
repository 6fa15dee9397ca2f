-- Checkouts whose cart has no item array: the key is absent, holds JSON null, the cart itself
-- is JSON null or missing, or the array is empty (a 100% gift-card checkout).
INSERT INTO events (event_id, user_id, event_type, occurred_at, payload) VALUES
    (1, 20, 'checkout_completed', '2026-04-01 09:00:00+00', '{"cart": {"currency": "EUR"}}'),
    (2, 21, 'checkout_completed', '2026-04-01 09:10:00+00', '{"cart": {"currency": "EUR", "items": null}}'),
    (3, 22, 'checkout_completed', '2026-04-01 09:20:00+00', '{"cart": null}'),
    (4, 23, 'checkout_completed', '2026-04-01 09:30:00+00', '{"app": "web"}'),
    (5, 24, 'checkout_completed', '2026-04-01 09:40:00+00', '{"cart": {"items": []}}'),
    (6, 25, 'checkout_completed', '2026-04-01 09:50:00+00',
     '{"cart": {"items": [{"sku": "BAG-02", "qty": 1, "price": 40.00, "discount": 4.00}]}}');
