CREATE TABLE products (
    id     integer PRIMARY KEY,
    sku    text    NOT NULL UNIQUE,
    active boolean NOT NULL
);

CREATE TABLE orders (
    id         integer     PRIMARY KEY,
    ordered_at timestamptz NOT NULL
);

CREATE TABLE order_items (
    id         integer PRIMARY KEY,
    order_id   integer NOT NULL REFERENCES orders (id),
    product_id integer REFERENCES products (id) ON DELETE SET NULL,
    qty        integer NOT NULL CHECK (qty > 0)
);
