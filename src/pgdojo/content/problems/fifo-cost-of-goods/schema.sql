CREATE TABLE purchases (
    id           integer       PRIMARY KEY,
    sku          text          NOT NULL,
    purchased_at timestamptz   NOT NULL,
    qty          integer       NOT NULL CHECK (qty > 0),
    unit_cost    numeric(10,2) NOT NULL
);

CREATE TABLE sales (
    id      integer     PRIMARY KEY,
    sku     text        NOT NULL,
    sold_at timestamptz NOT NULL,
    qty     integer     NOT NULL CHECK (qty > 0)
);
