-- expect: wrong_answer on re-register
-- A unique index over all rows: a deleted account keeps its address forever.
CREATE TABLE users (
    user_id      bigint      PRIMARY KEY,
    email        text        NOT NULL,
    display_name text        NOT NULL,
    deleted_at   timestamptz
);
CREATE UNIQUE INDEX ON users (lower(email));
