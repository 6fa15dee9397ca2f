-- Back-to-back renewals: each period starts the day the previous one ends.
INSERT INTO subscriptions (subscription_id, user_id, plan, starts_on, ends_on) VALUES
    (1, 5, 'monthly', '2026-01-01', '2026-02-01'),
    (2, 5, 'monthly', '2026-02-01', '2026-03-01'),
    (3, 5, 'monthly', '2026-03-01', '2026-04-01'),
    (4, 6, 'monthly', '2026-03-01', '2026-04-01'),
    (5, 6, 'monthly', '2026-04-02', '2026-05-02'),
    (6, 7, 'trial',   '2026-05-01', '2026-05-15'),
    (7, 7, 'monthly', '2026-05-15', NULL);
