-- The store: everything a user does in pgdojo, in PostgreSQL so several processes share it.

CREATE TABLE engine_setting (
    name  text PRIMARY KEY,
    value text NOT NULL
);

-- One attempt = one sitting at one item (a problem, a lab, a topic), possibly many submissions.
CREATE TABLE attempt (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name        text        NOT NULL,
    track            text        NOT NULL,
    item_id          text        NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    solved           boolean     NOT NULL DEFAULT false,
    hints_used       integer     NOT NULL DEFAULT 0 CHECK (hints_used >= 0),
    seconds_to_solve numeric(12, 3)
);
CREATE INDEX attempt_user_item ON attempt (user_name, track, item_id, started_at DESC);

CREATE TABLE submission (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    attempt_id  bigint REFERENCES attempt (id) ON DELETE SET NULL,
    user_name   text        NOT NULL,
    track       text        NOT NULL,
    item_id     text        NOT NULL,
    source      text        NOT NULL,
    verdict     text        NOT NULL,
    detail      jsonb       NOT NULL DEFAULT '{}',
    elapsed_ms  numeric(12, 3) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submission_user_item ON submission (user_name, track, item_id, created_at DESC);
