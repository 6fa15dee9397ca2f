CREATE TABLE users (
    id         bigint      PRIMARY KEY,
    email      text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);
CREATE INDEX users_created_at_idx ON users (created_at);
