CREATE TABLE calls (
    id         bigint      PRIMARY KEY,
    queue      text        NOT NULL,
    started_at timestamptz NOT NULL,
    ended_at   timestamptz,
    CHECK (ended_at >= started_at)
);
