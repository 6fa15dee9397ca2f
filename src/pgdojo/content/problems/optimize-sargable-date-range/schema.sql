CREATE TABLE orders (
    order_id   bigint        PRIMARY KEY,
    store_id   integer       NOT NULL,
    created_at timestamptz   NOT NULL,
    status     text          NOT NULL,
    total      numeric(10,2) NOT NULL
);
-- The existing index orders_created_at_idx on (created_at) is built by each dataset after its
-- rows are loaded (the judge reloads the rows for every run; an index built here would keep
-- entries for the rows of earlier, rolled-back runs).
