-- The shop has customers but no orders yet.
INSERT INTO customers (id, name) VALUES
    (1, 'Sven Aalto'),
    (2, 'Tamar Cohen'),
    (3, 'Umar Siddiqui');
