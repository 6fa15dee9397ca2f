CREATE TABLE inventory (
    sku     text    PRIMARY KEY,
    qty     integer NOT NULL,
    version integer NOT NULL
);

CREATE TABLE stock_deltas (
    delta_id bigint  PRIMARY KEY,
    sku      text    NOT NULL,
    delta    integer NOT NULL
);
