CREATE TABLE events (
    event_id    bigint      PRIMARY KEY,
    user_id     bigint      NOT NULL,
    event_type  text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload     jsonb       NOT NULL CHECK (jsonb_typeof(payload) = 'object')
);
