CREATE TABLE users (
    user_id      integer     PRIMARY KEY,
    signed_up_at timestamptz NOT NULL
);

CREATE TABLE activity (
    user_id   integer NOT NULL REFERENCES users (user_id),
    active_on date    NOT NULL
);
