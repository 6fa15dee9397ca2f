INSERT INTO subscriptions
    (subscription_id, account_id, plan_code, status, started_at, trial_ends_at, ended_at)
VALUES
    (100, 1, 'starter',  'expired',   '2024-01-10 09:00+00', '2024-01-24 09:00+00', '2024-01-24 09:00+00'),
    (101, 1, 'team',     'cancelled', '2024-03-01 09:00+00', NULL,                  '2025-03-01 09:00+00'),
    (102, 1, 'business', 'active',    '2025-05-01 09:00+00', NULL,                  NULL),
    (300, 3, 'team',     'cancelled', '2025-06-01 08:00+00', NULL,                  '2026-02-01 08:00+00');
