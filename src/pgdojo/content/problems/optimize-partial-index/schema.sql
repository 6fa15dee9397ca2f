CREATE TABLE jobs (
    job_id     bigint      PRIMARY KEY,
    queue      text        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('queued', 'running', 'retrying', 'done', 'failed')),
    run_at     timestamptz NOT NULL,   -- not before this instant
    attempts   integer     NOT NULL DEFAULT 0,
    payload    text        NOT NULL
);
