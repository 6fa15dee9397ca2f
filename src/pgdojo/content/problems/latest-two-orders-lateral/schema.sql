CREATE TABLE customers (
    id   integer PRIMARY KEY,
    name text    NOT NULL
);

CREATE TABLE orders (
    id          integer       PRIMARY KEY,
    customer_id integer       NOT NULL REFERENCES customers (id),
    ordered_at  timestamptz   NOT NULL,
    amount      numeric(10,2) NOT NULL
);
