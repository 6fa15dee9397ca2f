-- Subscriptions that start on or after the report's end date.
INSERT INTO subscriptions (subscription_id, user_id, plan, starts_on, ends_on) VALUES
    (1, 12, 'annual',  '2026-07-01', '2027-07-01'),
    (2, 13, 'monthly', '2026-08-01', NULL),
    (3, 13, 'monthly', '2026-09-01', '2026-10-01'),
    (4, 14, 'monthly', '2026-06-30', '2026-07-30'),
    (5, 14, 'monthly', '2026-09-01', NULL);
