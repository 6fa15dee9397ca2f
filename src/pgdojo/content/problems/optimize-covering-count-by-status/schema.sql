CREATE TABLE tickets (
    ticket_id  bigint      PRIMARY KEY,
    team_id    integer     NOT NULL,
    status     text        NOT NULL CHECK (status IN ('open', 'pending', 'solved', 'closed')),
    priority   text        NOT NULL,
    created_at timestamptz NOT NULL,
    subject    text        NOT NULL,
    body       text        NOT NULL
);
