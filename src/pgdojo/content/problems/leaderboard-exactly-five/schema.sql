CREATE TABLE runs (
    id          bigint      PRIMARY KEY,
    game        text        NOT NULL,
    player_id   integer     NOT NULL,
    score       integer,
    achieved_at timestamptz NOT NULL
);
