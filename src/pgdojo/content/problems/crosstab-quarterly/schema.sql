CREATE TABLE revenue_entries (
    id      integer       PRIMARY KEY,
    region  text          NOT NULL,
    quarter integer       NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    amount  numeric(12,2) NOT NULL
);
