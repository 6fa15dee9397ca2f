CREATE TABLE users (
    id             integer     PRIMARY KEY,
    name           text        NOT NULL,
    deactivated_at timestamptz
);

CREATE TABLE friendships (
    user_a integer NOT NULL REFERENCES users (id),
    user_b integer NOT NULL REFERENCES users (id),
    since  date    NOT NULL,
    PRIMARY KEY (user_a, user_b),
    CHECK (user_a < user_b)
);
