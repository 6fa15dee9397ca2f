CREATE TABLE categories (
    category_id integer PRIMARY KEY,
    -- NULL for a top-level category; the default NO ACTION refuses deleting a parent.
    parent_id   integer REFERENCES categories (category_id),
    name        text    NOT NULL CHECK (name <> ''),
    CONSTRAINT categories_not_own_parent CHECK (parent_id <> category_id),
    -- NULLS NOT DISTINCT (PostgreSQL 15+): two roots with one name are duplicates too.
    -- Its leading column also serves "children of a category" and the foreign-key check.
    CONSTRAINT categories_sibling_names UNIQUE NULLS NOT DISTINCT (parent_id, name)
);
