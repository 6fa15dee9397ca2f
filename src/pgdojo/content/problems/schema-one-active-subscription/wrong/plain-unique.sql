-- expect: wrong_answer on resubscribe
-- UNIQUE (account_id) makes the first subscription the only one the account can ever have.
CREATE TABLE subscriptions (
    subscription_id bigint      PRIMARY KEY,
    account_id      bigint      NOT NULL UNIQUE REFERENCES accounts (account_id),
    plan_code       text        NOT NULL REFERENCES plans (plan_code),
    status          text        NOT NULL
        CHECK (status IN ('trialing', 'active', 'past_due', 'cancelled', 'expired')),
    started_at      timestamptz NOT NULL,
    trial_ends_at   timestamptz CHECK (trial_ends_at > started_at),
    ended_at        timestamptz CHECK (ended_at >= started_at),
    CHECK ((status IN ('cancelled', 'expired')) = (ended_at IS NOT NULL)),
    CHECK (status <> 'trialing' OR trial_ends_at IS NOT NULL)
);
