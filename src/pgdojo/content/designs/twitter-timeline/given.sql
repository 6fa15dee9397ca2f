-- The tables the prompt gives (run as app_owner before your schema).
CREATE TABLE users (
    id     bigint PRIMARY KEY,
    handle text NOT NULL
);
CREATE TABLE follows (
    follower_id  bigint NOT NULL,
    following_id bigint NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (follower_id, following_id)
);
CREATE TABLE tweets (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id  bigint NOT NULL,
    content    text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
