-- Troubleshooting labs: each check's outcome, and every command the candidate ran.

CREATE TABLE lab_check (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    attempt_id    bigint REFERENCES attempt (id) ON DELETE CASCADE,
    user_name     text        NOT NULL,
    scenario_id   text        NOT NULL,
    solved        boolean     NOT NULL,
    detect        boolean     NOT NULL,
    fix           boolean     NOT NULL,
    prevention    boolean     NOT NULL,
    traps         integer     NOT NULL,
    investigation integer     NOT NULL,
    findings      jsonb       NOT NULL,
    checked_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lab_check_user ON lab_check (user_name, scenario_id, checked_at DESC);

CREATE TABLE lab_command (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    attempt_id  bigint REFERENCES attempt (id) ON DELETE CASCADE,
    user_name   text        NOT NULL,
    scenario_id text        NOT NULL,
    sql         text        NOT NULL,
    error       text,
    ran_at      timestamptz NOT NULL DEFAULT now()
);
