CREATE TABLE routes (
    id          integer PRIMARY KEY,
    origin      text    NOT NULL,
    destination text    NOT NULL
);
