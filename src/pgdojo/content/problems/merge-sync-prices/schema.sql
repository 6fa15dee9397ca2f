CREATE TABLE products (
    product_id integer PRIMARY KEY,
    name       text          NOT NULL,
    price      numeric(10,2),                 -- NULL: not priced yet, cannot be sold
    active     boolean       NOT NULL,
    revision   integer       NOT NULL
);

-- Order lines imported from the legacy shop: custom lines have no product.
CREATE TABLE order_lines (
    line_id    bigint  PRIMARY KEY,
    product_id integer,
    qty        integer NOT NULL
);

-- Tonight's complete feed from the pricing system.
CREATE TABLE price_feed (
    product_id integer PRIMARY KEY,
    name       text          NOT NULL,
    price      numeric(10,2)                  -- NULL: "no price information in this feed"
);
