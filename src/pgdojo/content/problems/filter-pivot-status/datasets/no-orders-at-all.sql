-- Launch day: regions exist, the orders table is empty.
INSERT INTO regions (code, name) VALUES
    ('DE', 'Germany'),
    ('FR', 'France');
