-- expect: wrong_answer on delete-parent
-- ON DELETE SET NULL: deleting a parent promotes its children to the top level instead of refusing.
CREATE TABLE categories (
    category_id integer PRIMARY KEY,
    parent_id   integer REFERENCES categories (category_id) ON DELETE SET NULL,
    name        text    NOT NULL CHECK (name <> ''),
    CHECK (parent_id <> category_id),
    UNIQUE NULLS NOT DISTINCT (parent_id, name)
);
