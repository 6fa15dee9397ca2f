-- Lets an entry's foreign key carry the currency: (account, currency) must be a real pair.
ALTER TABLE accounts ADD CONSTRAINT accounts_id_currency_key UNIQUE (account_id, currency);

CREATE TABLE transfers (
    transfer_id     bigint      PRIMARY KEY,
    requested_by    bigint      NOT NULL REFERENCES accounts (account_id),
    idempotency_key text        NOT NULL,
    created_at      timestamptz NOT NULL,
    -- A retried request is the same key from the same client; other clients' keys are theirs.
    CONSTRAINT transfers_idempotency UNIQUE (requested_by, idempotency_key)
);

CREATE TABLE entries (
    transfer_id  bigint   NOT NULL REFERENCES transfers (transfer_id),
    leg          smallint NOT NULL,
    account_id   bigint   NOT NULL,
    direction    text     NOT NULL CHECK (direction IN ('debit', 'credit')),
    -- Integer minor units (cents): exact, and bigint leaves room for large balances.
    amount_minor bigint   NOT NULL CHECK (amount_minor > 0),
    currency     char(3)  NOT NULL,
    PRIMARY KEY (transfer_id, leg),
    CONSTRAINT entries_account_currency
        FOREIGN KEY (account_id, currency) REFERENCES accounts (account_id, currency)
);

-- An account's statement, and the foreign key's checks when an account is touched.
CREATE INDEX entries_account_idx ON entries (account_id, transfer_id);
