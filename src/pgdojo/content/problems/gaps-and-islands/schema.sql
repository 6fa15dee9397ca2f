CREATE TABLE events (
    id   integer PRIMARY KEY,
    date date    NOT NULL
);
