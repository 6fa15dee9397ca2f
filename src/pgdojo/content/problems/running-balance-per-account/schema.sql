CREATE TABLE ledger (
    id         bigint        PRIMARY KEY,
    account_id integer       NOT NULL,
    posted_at  timestamptz   NOT NULL,
    amount     numeric(12,2) NOT NULL
);
