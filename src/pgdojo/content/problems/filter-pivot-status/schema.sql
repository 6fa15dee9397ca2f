CREATE TABLE regions (
    code text PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE orders (
    id     integer PRIMARY KEY,
    region text    NOT NULL REFERENCES regions (code),
    status text    CHECK (status IN ('pending', 'shipped', 'cancelled'))
);
