-- expect: wrong_answer on order-no-per-customer
-- Makes order numbers unique across all customers: the second customer's order no. 1 is refused.
CREATE TABLE customers (
    customer_id bigint PRIMARY KEY,
    email       text   NOT NULL UNIQUE,
    name        text   NOT NULL
);

CREATE TABLE orders (
    order_id    bigint      PRIMARY KEY,
    customer_id bigint      NOT NULL REFERENCES customers (customer_id),
    order_no    integer     NOT NULL UNIQUE,
    placed_at   timestamptz NOT NULL,
    status      text        NOT NULL
        CHECK (status IN ('open', 'paid', 'shipped', 'cancelled'))
);
CREATE INDEX ON orders (customer_id);

CREATE TABLE order_items (
    order_id   bigint        NOT NULL REFERENCES orders (order_id),
    line_no    integer       NOT NULL,
    sku        text          NOT NULL REFERENCES products (sku),
    qty        integer       NOT NULL CHECK (qty > 0),
    unit_price numeric(10,2) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, line_no)
);
CREATE INDEX ON order_items (sku);
