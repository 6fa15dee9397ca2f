-- Imported from the legacy help desk, which had no foreign keys.
CREATE TABLE requesters (
    requester_id bigint      PRIMARY KEY,
    email        text        NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE TABLE tickets (
    ticket_id    bigint PRIMARY KEY,
    requester_id bigint,          -- NULL: sent through the anonymous contact form
    subject      text,
    status       text             -- NULL: not triaged yet
);

CREATE TABLE comments (
    comment_id bigint PRIMARY KEY,
    ticket_id  bigint,            -- NULL: a saved draft, not attached to any ticket yet
    body       text   NOT NULL
);
