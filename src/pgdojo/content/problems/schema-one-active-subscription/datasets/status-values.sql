INSERT INTO subscriptions
    (subscription_id, account_id, plan_code, status, started_at, trial_ends_at, ended_at)
VALUES
    (100, 1, 'team',     'active',    '2026-01-10 09:00+00', NULL,                  NULL),
    (200, 2, 'starter',  'trialing',  '2026-03-01 12:00+00', '2026-03-15 12:00+00', NULL),
    (300, 3, 'business', 'cancelled', '2025-06-01 08:00+00', NULL,                  '2026-02-01 08:00+00');
