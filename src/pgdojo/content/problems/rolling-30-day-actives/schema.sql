CREATE TABLE activity (
    id        bigint      PRIMARY KEY,
    user_id   integer     NOT NULL,
    active_at timestamptz NOT NULL
);
CREATE INDEX activity_active_at_idx ON activity (active_at);
