-- expect: wrong_answer on root-names
-- A plain UNIQUE (parent_id, name) treats NULL parents as all different: top-level names can repeat.
CREATE TABLE categories (
    category_id integer PRIMARY KEY,
    parent_id   integer REFERENCES categories (category_id),
    name        text    NOT NULL CHECK (name <> ''),
    CHECK (parent_id <> category_id),
    UNIQUE (parent_id, name)
);
