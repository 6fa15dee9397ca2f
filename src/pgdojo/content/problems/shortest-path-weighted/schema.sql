CREATE TABLE links (
    id   integer PRIMARY KEY,
    src  text    NOT NULL,
    dst  text    NOT NULL,
    cost integer NOT NULL CHECK (cost > 0)
);
