CREATE TABLE products (
    product_id bigint        PRIMARY KEY,
    name       text          NOT NULL,   -- the seller's title, as entered
    details    text          NOT NULL,   -- the seller's description
    seller_id  integer       NOT NULL,
    price      numeric(10,2) NOT NULL
);
