CREATE TABLE posts (
    post_id    bigint      PRIMARY KEY,
    author_id  integer     NOT NULL,
    created_at timestamptz NOT NULL,
    title      text        NOT NULL,
    body       text        NOT NULL
);
