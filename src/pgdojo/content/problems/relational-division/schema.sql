CREATE TABLE customers (
    id   integer PRIMARY KEY,
    name text    NOT NULL
);

CREATE TABLE products (
    id       integer PRIMARY KEY,
    name     text    NOT NULL,
    category text    NOT NULL
);

CREATE TABLE purchases (
    id           integer PRIMARY KEY,
    customer_id  integer NOT NULL REFERENCES customers (id),
    product_id   integer NOT NULL REFERENCES products (id),
    purchased_at date    NOT NULL
);
