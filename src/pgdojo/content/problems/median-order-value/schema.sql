CREATE TABLE orders (
    id     bigint        PRIMARY KEY,
    region text          NOT NULL,
    amount numeric(10,2)
);
