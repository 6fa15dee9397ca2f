-- expect: wrong_answer on sign-in-direction
-- Only forbids zero: a negative credit is a debit in disguise, and sums by direction go wrong.
CREATE TABLE transfers (
    transfer_id     bigint      PRIMARY KEY,
    requested_by    bigint      NOT NULL REFERENCES accounts (account_id),
    idempotency_key text        NOT NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (requested_by, idempotency_key)
);
ALTER TABLE accounts ADD UNIQUE (account_id, currency);
CREATE TABLE entries (
    transfer_id  bigint   NOT NULL REFERENCES transfers (transfer_id),
    leg          smallint NOT NULL,
    account_id   bigint   NOT NULL,
    direction    text     NOT NULL CHECK (direction IN ('debit', 'credit')),
    amount_minor bigint   NOT NULL CHECK (amount_minor <> 0),
    currency     char(3)  NOT NULL,
    PRIMARY KEY (transfer_id, leg),
    FOREIGN KEY (account_id, currency) REFERENCES accounts (account_id, currency)
);
CREATE INDEX ON entries (account_id);
