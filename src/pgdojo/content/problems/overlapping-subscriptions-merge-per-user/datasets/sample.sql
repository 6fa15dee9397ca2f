INSERT INTO subscriptions (subscription_id, user_id, plan, starts_on, ends_on) VALUES
    (1, 100, 'monthly', '2026-01-01', '2026-02-01'),
    (2, 100, 'monthly', '2026-03-01', '2026-04-01'),
    (3, 200, 'annual',  '2025-07-01', '2026-07-01'),
    (4, 300, 'monthly', '2026-05-10', NULL),
    (5, 400, 'trial',   '2026-06-20', '2026-06-27'),
    (6, 400, 'monthly', '2026-06-29', NULL);
