-- expect: wrong_answer on children-lookup
-- The pre-15 trick of a unique index on coalesce(parent_id, 0) is right for names, but that expression index cannot serve WHERE parent_id = ...
CREATE TABLE categories (
    category_id integer PRIMARY KEY,
    parent_id   integer REFERENCES categories (category_id),
    name        text    NOT NULL CHECK (name <> ''),
    CHECK (parent_id <> category_id)
);
CREATE UNIQUE INDEX ON categories (coalesce(parent_id, 0), name);
