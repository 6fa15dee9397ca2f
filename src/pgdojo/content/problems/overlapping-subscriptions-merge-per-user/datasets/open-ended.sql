-- Running subscriptions (no end) with shorter ones inside or after them, and one that started
-- long before the report.
INSERT INTO subscriptions (subscription_id, user_id, plan, starts_on, ends_on) VALUES
    (1, 8, 'monthly', '2026-01-01', NULL),
    (2, 8, 'addon',   '2026-02-01', '2026-03-01'),
    (3, 8, 'addon',   '2026-05-01', '2026-05-08'),
    (4, 9, 'annual',  '2024-07-01', NULL),
    (5, 10, 'monthly', '2026-03-01', '2026-04-01'),
    (6, 10, 'monthly', '2026-02-01', NULL),
    (7, 11, 'monthly', '2026-06-01', '2026-09-01');
