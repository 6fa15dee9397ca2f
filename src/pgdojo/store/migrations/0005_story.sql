-- Behavioral stories: the candidate's own STAR-T story bank, every revision kept with its grade.

CREATE TABLE story (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name   text        NOT NULL,
    slug        text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);
-- A slug is the story's id for the user; a removed story frees its slug.
CREATE UNIQUE INDEX story_user_slug ON story (user_name, slug) WHERE deleted_at IS NULL;

CREATE TABLE story_revision (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    story_id    bigint      NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    number      integer     NOT NULL CHECK (number >= 1),
    body        text        NOT NULL,
    meta        jsonb       NOT NULL DEFAULT '{}',
    attempt_id  bigint REFERENCES attempt (id) ON DELETE SET NULL,
    score       integer CHECK (score BETWEEN 0 AND 100),
    level       text,
    grade       jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (story_id, number)
);

-- Drills: which question was asked, the story named, and the two clocks.
CREATE TABLE story_drill (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    attempt_id   bigint      NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
    user_name    text        NOT NULL,
    question_id  text        NOT NULL,
    story_slug   text,
    name_seconds numeric(8, 2),
    tell_seconds numeric(8, 2),
    created_at   timestamptz NOT NULL DEFAULT now()
);
