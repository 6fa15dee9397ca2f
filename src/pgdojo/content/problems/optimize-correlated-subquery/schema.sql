CREATE TABLE customers (
    customer_id integer PRIMARY KEY,
    name        text    NOT NULL,
    region      text    NOT NULL
);

CREATE TABLE orders (
    order_id    bigint        PRIMARY KEY,
    customer_id integer       NOT NULL REFERENCES customers,
    ordered_at  timestamptz   NOT NULL,
    total       numeric(10,2) NOT NULL
);

-- The foreign key's index, created with the table.
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
