CREATE TABLE tickets (
    id         integer     PRIMARY KEY,
    team       text        NOT NULL,
    assignee   text,
    resolution text,
    opened_at  timestamptz NOT NULL
);
