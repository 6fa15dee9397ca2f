CREATE TABLE users (
    id           integer     PRIMARY KEY,
    signed_up_at timestamptz NOT NULL
);

CREATE TABLE touches (
    id         bigint      PRIMARY KEY,
    user_id    integer     NOT NULL REFERENCES users (id),
    channel    text        NOT NULL,
    touched_at timestamptz NOT NULL
);
