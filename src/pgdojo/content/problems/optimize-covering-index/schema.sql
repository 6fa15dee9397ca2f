CREATE TABLE orders (
    order_id         bigint        PRIMARY KEY,
    customer_id      integer       NOT NULL,
    created_at       timestamptz   NOT NULL,
    status           text          NOT NULL,
    total            numeric(10,2) NOT NULL,
    shipping_address text          NOT NULL,
    gift_message     text
);
