CREATE TABLE units (
    path ltree PRIMARY KEY,
    name text  NOT NULL
);

CREATE TABLE employees (
    id   integer PRIMARY KEY,
    name text    NOT NULL,
    unit ltree   NOT NULL REFERENCES units (path)
);
