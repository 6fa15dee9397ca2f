CREATE TABLE subscriptions (
    subscription_id bigint      PRIMARY KEY,
    account_id      bigint      NOT NULL REFERENCES accounts (account_id),
    plan_code       text        NOT NULL REFERENCES plans (plan_code),
    status          text        NOT NULL
        CHECK (status IN ('trialing', 'active', 'past_due', 'cancelled', 'expired')),
    started_at      timestamptz NOT NULL,
    trial_ends_at   timestamptz CHECK (trial_ends_at > started_at),
    ended_at        timestamptz CHECK (ended_at >= started_at),
    -- Ended exactly when the status is a final one, in both directions.
    CONSTRAINT subscriptions_ended_iff_final
        CHECK ((status IN ('cancelled', 'expired')) = (ended_at IS NOT NULL)),
    CONSTRAINT subscriptions_trial_has_end
        CHECK (status <> 'trialing' OR trial_ends_at IS NOT NULL)
);

-- At most one live subscription per account; ended ones do not take part.
CREATE UNIQUE INDEX subscriptions_one_live_per_account
    ON subscriptions (account_id)
    WHERE status IN ('trialing', 'active', 'past_due');

-- The billing history of an account, and the foreign key's lookups.
CREATE INDEX subscriptions_account_idx ON subscriptions (account_id, started_at);
