CREATE TABLE orders (
    id       integer PRIMARY KEY,
    customer text    NOT NULL
);

CREATE TABLE order_items (
    id         integer       PRIMARY KEY,
    order_id   integer       NOT NULL REFERENCES orders (id),
    sku        text          NOT NULL,
    qty        integer       NOT NULL,
    unit_price numeric(10,2) NOT NULL
);

CREATE TABLE shipments (
    id         integer     PRIMARY KEY,
    order_id   integer     NOT NULL REFERENCES orders (id),
    carrier    text        NOT NULL,
    shipped_at timestamptz NOT NULL
);
