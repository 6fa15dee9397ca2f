CREATE TABLE order_status_history (
    id         bigint      PRIMARY KEY,
    order_id   integer     NOT NULL,
    status     text        NOT NULL,
    changed_at timestamptz
);
