CREATE TABLE events (
    id         bigint    PRIMARY KEY,
    user_id    integer   NOT NULL,
    event_type text      NOT NULL,
    ts         timestamp NOT NULL
);
