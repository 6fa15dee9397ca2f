CREATE TABLE products (
    product_id integer PRIMARY KEY,
    name       text    NOT NULL
);

INSERT INTO products (product_id, name) VALUES
    (1, 'Desk lamp'),
    (2, 'Office chair'),
    (3, 'Monitor arm');
