-- expect: wrong_answer on self-parent
-- Trusts the foreign key to stop self-references, but a row satisfies a reference to itself.
CREATE TABLE categories (
    category_id integer PRIMARY KEY,
    parent_id   integer REFERENCES categories (category_id),
    name        text    NOT NULL CHECK (name <> ''),
    UNIQUE NULLS NOT DISTINCT (parent_id, name)
);
