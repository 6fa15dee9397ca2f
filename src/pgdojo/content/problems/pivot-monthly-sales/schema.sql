CREATE TABLE sales_data (
    product text    NOT NULL,
    month   integer NOT NULL CHECK (month BETWEEN 1 AND 12),
    sales   integer
);
