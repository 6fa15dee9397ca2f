-- expect: wrong_answer on same-name-elsewhere
-- Names unique across the whole tree: "Accessories" can exist in only one place.
CREATE TABLE categories (
    category_id integer PRIMARY KEY,
    parent_id   integer REFERENCES categories (category_id),
    name        text    NOT NULL UNIQUE CHECK (name <> ''),
    CHECK (parent_id <> category_id)
);
CREATE INDEX ON categories (parent_id);
