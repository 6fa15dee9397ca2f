CREATE TABLE clicks (
    id      bigint    PRIMARY KEY,
    user_id integer   NOT NULL,
    ts      timestamp NOT NULL,
    page    text      NOT NULL
);
