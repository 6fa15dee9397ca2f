CREATE TABLE orders (
    id    bigint        PRIMARY KEY,
    total numeric(10,2) NOT NULL CHECK (total >= 0)
);
