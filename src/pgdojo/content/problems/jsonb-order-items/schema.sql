CREATE TABLE orders (
    id        integer PRIMARY KEY,
    placed_at date    NOT NULL,
    items     jsonb   NOT NULL CHECK (jsonb_typeof(items) = 'array')
);
