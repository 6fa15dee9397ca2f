-- expect: wrong_answer on case-insensitive
-- Partial, but on the raw email: Ana@example.com and ana@example.com count as different people.
CREATE TABLE users (
    user_id      bigint      PRIMARY KEY,
    email        text        NOT NULL,
    display_name text        NOT NULL,
    deleted_at   timestamptz
);
CREATE UNIQUE INDEX ON users (email) WHERE deleted_at IS NULL;
CREATE INDEX ON users (lower(email));
