-- The tables the prompt gives (run as app_owner before your schema).
-- Money is an integer number of minor units (cents): never a floating-point type.
CREATE TABLE accounts (
    id                bigint  PRIMARY KEY,
    currency          text    NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- Only the bank's settlement accounts (where money enters and leaves the ledger) may
    -- go below zero; every customer account must stay at zero or above.
    overdraft_allowed boolean NOT NULL DEFAULT false
);

-- The journal the auditors read: one row per leg of a transfer, never updated or deleted.
-- A transfer's legs sum to zero: amount < 0 is a debit (money out), amount > 0 a credit.
CREATE TABLE entries (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transfer_id bigint      NOT NULL,
    account_id  bigint      NOT NULL REFERENCES accounts,
    amount      bigint      NOT NULL CHECK (amount <> 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
