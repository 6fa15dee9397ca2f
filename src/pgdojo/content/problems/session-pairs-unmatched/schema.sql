CREATE TABLE auth_events (
    id      bigint      PRIMARY KEY,
    user_id integer     NOT NULL,
    kind    text        NOT NULL CHECK (kind IN ('login', 'logout')),
    at      timestamptz NOT NULL
);
