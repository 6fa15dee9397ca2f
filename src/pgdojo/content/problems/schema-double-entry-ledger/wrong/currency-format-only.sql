-- expect: wrong_answer on currency-match
-- The account is a plain foreign key and the currency only a format check: a USD leg can post to a EUR wallet.
CREATE TABLE transfers (
    transfer_id     bigint      PRIMARY KEY,
    requested_by    bigint      NOT NULL REFERENCES accounts (account_id),
    idempotency_key text        NOT NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (requested_by, idempotency_key)
);
CREATE TABLE entries (
    transfer_id  bigint   NOT NULL REFERENCES transfers (transfer_id),
    leg          smallint NOT NULL,
    account_id   bigint   NOT NULL REFERENCES accounts (account_id),
    direction    text     NOT NULL CHECK (direction IN ('debit', 'credit')),
    amount_minor bigint   NOT NULL CHECK (amount_minor > 0),
    currency     char(3)  NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    PRIMARY KEY (transfer_id, leg)
);
CREATE INDEX ON entries (account_id);
