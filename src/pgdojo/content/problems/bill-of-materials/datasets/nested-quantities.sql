-- Sub-assemblies are used several times, and contain several of their own sub-assemblies.
INSERT INTO parts (id, name) VALUES
    (1, 'e-scooter'),
    (2, 'light bar'),
    (3, 'LED module'),
    (4, 'LED'),
    (5, 'resistor'),
    (6, 'lens'),
    (7, 'wire harness'),
    (8, 'connector');
INSERT INTO bom (assembly_id, component_id, quantity) VALUES
    (1, 2, 2),
    (1, 7, 1),
    (2, 3, 3),
    (2, 6, 1),
    (3, 4, 4),
    (3, 5, 2),
    (7, 8, 6),
    (2, 8, 2);
