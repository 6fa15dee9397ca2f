CREATE TABLE sale_lines (
    id         bigint        PRIMARY KEY,
    product_id integer       NOT NULL,
    revenue    numeric(12,2) NOT NULL CHECK (revenue >= 0)
);
