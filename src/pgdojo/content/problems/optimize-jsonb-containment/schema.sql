CREATE TABLE events (
    event_id    bigint      PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    source      text        NOT NULL,
    payload     jsonb       NOT NULL
);
