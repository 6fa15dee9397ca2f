CREATE TABLE products (
    sku        text          PRIMARY KEY,
    name       text          NOT NULL,
    list_price numeric(10,2) NOT NULL
);

INSERT INTO products (sku, name, list_price) VALUES
    ('CHAIR-01', 'Task chair',     189.00),
    ('DESK-02',  'Standing desk',  549.00),
    ('LAMP-03',  'Desk lamp',       29.90),
    ('GIFT-00',  'Welcome tote',     0.00);
