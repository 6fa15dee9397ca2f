CREATE TABLE events (
    id         bigint PRIMARY KEY,
    user_id    bigint,
    event_type text
);
