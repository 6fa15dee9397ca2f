-- System designs: every run and grade of a submission, and this machine's measured numbers.

CREATE TABLE design_run (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    attempt_id  bigint REFERENCES attempt (id) ON DELETE CASCADE,
    user_name   text        NOT NULL,
    prompt_id   text        NOT NULL,
    submission  text        NOT NULL,
    run         jsonb       NOT NULL,
    grade       jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX design_run_user ON design_run (user_name, prompt_id, created_at DESC);

-- "Numbers to know, measured here": the engine's own figures, measured once per server.
CREATE TABLE engine_numbers (
    name        text PRIMARY KEY,
    value       double precision NOT NULL,
    unit        text NOT NULL,
    measured_at timestamptz NOT NULL DEFAULT now()
);
