-- Upgrades bought before the old plan ran out: overlapping, nested and identical periods.
INSERT INTO subscriptions (subscription_id, user_id, plan, starts_on, ends_on) VALUES
    (1, 1, 'monthly', '2026-01-01', '2026-02-01'),
    (2, 1, 'annual',  '2026-01-15', '2026-03-15'),
    (3, 2, 'annual',  '2026-01-01', '2026-06-01'),
    (4, 2, 'addon',   '2026-02-01', '2026-03-01'),
    (5, 2, 'addon',   '2026-02-01', '2026-03-01'),
    (6, 3, 'monthly', '2026-04-01', '2026-05-01'),
    (7, 3, 'monthly', '2026-04-20', '2026-05-20'),
    (8, 3, 'monthly', '2026-05-10', '2026-06-10'),
    (9, 3, 'monthly', '2026-06-15', '2026-06-16');
