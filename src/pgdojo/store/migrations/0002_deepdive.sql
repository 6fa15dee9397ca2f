-- Deep dives: gradings of written answers, flashcard scheduling (FSRS), experiment runs.

CREATE TABLE deepdive_grading (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name   text        NOT NULL,
    topic_id    text        NOT NULL,
    answer      text        NOT NULL,
    score       integer     NOT NULL CHECK (score BETWEEN 0 AND 100),
    detail      jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deepdive_grading_user_topic ON deepdive_grading (user_name, topic_id, created_at DESC);

-- The FSRS state of each card a user has seen; cards never reviewed have no row (they are new).
CREATE TABLE card_state (
    user_name   text        NOT NULL,
    card_id     text        NOT NULL,
    topic_id    text        NOT NULL,
    state       jsonb       NOT NULL,
    due         timestamptz NOT NULL,
    reviews     integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (user_name, card_id)
);
CREATE INDEX card_state_due ON card_state (user_name, due);

CREATE TABLE card_review (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name   text        NOT NULL,
    card_id     text        NOT NULL,
    topic_id    text        NOT NULL,
    rating      smallint    NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at timestamptz NOT NULL DEFAULT now(),
    log         jsonb       NOT NULL
);
CREATE INDEX card_review_user ON card_review (user_name, reviewed_at DESC);

CREATE TABLE experiment_run (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name   text        NOT NULL,
    topic_id    text        NOT NULL,
    steps       jsonb       NOT NULL,
    predictions jsonb       NOT NULL DEFAULT '[]',
    correct     integer     NOT NULL DEFAULT 0,
    asked       integer     NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now()
);
