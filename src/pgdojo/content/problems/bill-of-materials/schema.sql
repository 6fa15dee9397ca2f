CREATE TABLE parts (
    id   integer PRIMARY KEY,
    name text    NOT NULL UNIQUE
);

CREATE TABLE bom (
    assembly_id  integer NOT NULL REFERENCES parts (id),
    component_id integer NOT NULL REFERENCES parts (id),
    quantity     integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (assembly_id, component_id)
);
