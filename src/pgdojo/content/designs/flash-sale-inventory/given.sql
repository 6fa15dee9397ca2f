-- The tables the prompt gives (run as app_owner before your schema).
-- The SKUs of the sale, with the units allocated to it before it opens.
CREATE TABLE skus (
    sku           text    PRIMARY KEY,
    name          text    NOT NULL,
    initial_stock integer NOT NULL CHECK (initial_stock >= 0)
);

-- What was sold: the order service, the warehouse and finance read this table.
CREATE TABLE reservations (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   bigint,     -- the web checkout's order; NULL for a sale at the pop-up store's till
    sku        text        NOT NULL REFERENCES skus,
    qty        integer     NOT NULL CHECK (qty > 0),
    created_at timestamptz NOT NULL DEFAULT now()
);
