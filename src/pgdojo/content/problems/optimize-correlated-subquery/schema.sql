CREATE TABLE customers (
    customer_id integer PRIMARY KEY,
    name        text    NOT NULL,
    region      text    NOT NULL
);

CREATE TABLE orders (
    order_id    bigint        PRIMARY KEY,
    customer_id integer       NOT NULL,          -- always an existing customer
    ordered_at  timestamptz   NOT NULL,
    total       numeric(10,2) NOT NULL
);

-- The index every "orders of a customer" lookup already uses.
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
