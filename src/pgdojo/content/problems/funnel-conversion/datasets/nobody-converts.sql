-- A bad release: nobody gets past the cart.
INSERT INTO events (id, user_id, event_type, ts) VALUES
    (1, 1, 'view',   '2026-07-01 10:00:00'),
    (2, 1, 'cart',   '2026-07-01 10:05:00'),
    (3, 2, 'view',   '2026-07-01 11:00:00'),
    (4, 3, 'search', '2026-07-01 12:00:00');
