CREATE TABLE maintenance_windows (
    window_id  integer     PRIMARY KEY,
    machine_id integer     NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);
