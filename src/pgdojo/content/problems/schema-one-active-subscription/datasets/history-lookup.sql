INSERT INTO accounts (account_id, name)
SELECT g, 'Account ' || g FROM generate_series(5, 60) AS g;
INSERT INTO subscriptions
    (subscription_id, account_id, plan_code, status, started_at, trial_ends_at, ended_at)
SELECT g, g, 'team', 'active', timestamptz '2026-01-01 00:00+00' + g * interval '1 hour', NULL, NULL
FROM generate_series(5, 60) AS g;
