-- Mock interviews: a timed session of one or more segments, each a round of one type; the
-- self-score is kept apart from the grade, so the calibration can be computed and shown.

CREATE TABLE mock (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name   text        NOT NULL,
    kind        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    current     integer     NOT NULL DEFAULT 0,
    self_levels jsonb,
    report      jsonb
);
CREATE INDEX mock_user ON mock (user_name, created_at DESC);

CREATE TABLE mock_segment (
    mock_id     bigint      NOT NULL REFERENCES mock (id) ON DELETE CASCADE,
    position    integer     NOT NULL,
    kind        text        NOT NULL,
    track       text        NOT NULL,
    item_id     text        NOT NULL,
    prompt      jsonb       NOT NULL,
    minutes     numeric(6, 1) NOT NULL,
    started_at  timestamptz,
    finished_at timestamptz,
    answers     jsonb       NOT NULL DEFAULT '[]',
    follow_up   text,
    score       integer CHECK (score BETWEEN 0 AND 100),
    attempt_id  bigint REFERENCES attempt (id) ON DELETE SET NULL,
    PRIMARY KEY (mock_id, position)
);
