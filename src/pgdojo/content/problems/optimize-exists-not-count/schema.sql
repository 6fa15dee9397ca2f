CREATE TABLE stores (
    store_id integer PRIMARY KEY,
    name     text    NOT NULL,
    city     text    NOT NULL,
    region   text    NOT NULL
);
CREATE TABLE sales (
    sale_id  bigint        PRIMARY KEY,
    store_id integer       NOT NULL,   -- always an existing store
    sold_at  timestamptz   NOT NULL,
    amount   numeric(10,2) NOT NULL
);
-- The existing index sales_store_id_idx on sales (store_id) is built by
-- each dataset after its rows are loaded (the judge reloads the rows for every run; an index
-- built here would keep entries for the rows of earlier, rolled-back runs).
