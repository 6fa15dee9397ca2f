CREATE TABLE transactions (
    id     integer PRIMARY KEY,
    date   date          NOT NULL,
    amount numeric(12, 2) NOT NULL
);
