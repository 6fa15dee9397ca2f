CREATE TABLE categories (
    category_id integer PRIMARY KEY,
    name        text    NOT NULL
);
CREATE TABLE products (
    product_id  bigint  PRIMARY KEY,
    category_id integer NOT NULL,      -- always an existing category
    name        text    NOT NULL,
    description text    NOT NULL,
    sales       integer            -- units sold this quarter; NULL until the figure is loaded
);
