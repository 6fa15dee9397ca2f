CREATE TABLE customers (
    customer_id integer PRIMARY KEY,
    name        text NOT NULL,
    tier        text NOT NULL CHECK (tier IN ('bronze', 'silver', 'gold'))
);

CREATE TABLE orders (
    order_id    bigint        PRIMARY KEY,
    customer_id integer       NOT NULL REFERENCES customers,
    ordered_at  timestamptz   NOT NULL,
    amount      numeric(10,2) NOT NULL,
    status      text          NOT NULL CHECK (status IN ('paid', 'refunded'))
);
