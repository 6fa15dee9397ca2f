-- expect: wrong_answer on delete-parent
-- ON DELETE CASCADE: deleting "Furniture" silently deletes every category below it.
CREATE TABLE categories (
    category_id integer PRIMARY KEY,
    parent_id   integer REFERENCES categories (category_id) ON DELETE CASCADE,
    name        text    NOT NULL CHECK (name <> ''),
    CHECK (parent_id <> category_id),
    UNIQUE NULLS NOT DISTINCT (parent_id, name)
);
