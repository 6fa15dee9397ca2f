CREATE TABLE payments (
    id           bigint      PRIMARY KEY,
    paid_at      timestamptz NOT NULL,
    amount_cents bigint      NOT NULL CHECK (amount_cents > 0)
);
