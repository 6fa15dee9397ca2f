CREATE TABLE sales (
    id      integer       PRIMARY KEY,
    region  text          NOT NULL,
    product text,
    revenue numeric(12,2) NOT NULL
);
