CREATE TABLE payments (
    id      bigint PRIMARY KEY,
    country text   NOT NULL,
    method  text
);
