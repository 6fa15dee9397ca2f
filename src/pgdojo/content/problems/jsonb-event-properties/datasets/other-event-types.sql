-- Abandoned and refunded carts have the same payload shape; only completed checkouts count.
-- One SKU only ever appears in carts that were not completed.
INSERT INTO events (event_id, user_id, event_type, occurred_at, payload) VALUES
    (1, 40, 'checkout_started',   '2026-06-01 10:00:00+00',
     '{"cart": {"items": [{"sku": "PEN", "qty": 10, "price": 1.00}, {"sku": "INK", "qty": 1, "price": 6.00}]}}'),
    (2, 40, 'checkout_completed', '2026-06-01 10:05:00+00',
     '{"cart": {"items": [{"sku": "PEN", "qty": 3, "price": 1.00}]}}'),
    (3, 41, 'order_refunded',     '2026-06-02 10:00:00+00',
     '{"cart": {"items": [{"sku": "PEN", "qty": 3, "price": 1.00, "discount": null}]}}'),
    (4, 42, 'Checkout_Completed', '2026-06-02 11:00:00+00',
     '{"cart": {"items": [{"sku": "PEN", "qty": 5, "price": 1.00}]}}');
