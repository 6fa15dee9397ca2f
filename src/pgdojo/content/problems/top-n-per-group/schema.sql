CREATE TABLE products (
    category text    NOT NULL,
    product  text    NOT NULL,
    sales    integer,
    PRIMARY KEY (category, product)
);
