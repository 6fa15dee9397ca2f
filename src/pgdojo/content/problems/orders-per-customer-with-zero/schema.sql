CREATE TABLE customers (
    id   integer PRIMARY KEY,
    name text    NOT NULL
);

CREATE TABLE orders (
    id          integer       PRIMARY KEY,
    customer_id integer       NOT NULL REFERENCES customers (id),
    placed_at   timestamptz   NOT NULL,
    status      text          NOT NULL CHECK (status IN ('placed', 'shipped', 'cancelled')),
    total       numeric(10,2) NOT NULL
);
